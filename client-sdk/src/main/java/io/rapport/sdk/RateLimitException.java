package io.rapport.sdk;

import io.rapport.sdk.internal.invoker.ApiException;
import io.rapport.sdk.model.Problem;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * 429: the key sent more than its rate allows; thrown only once retries are exhausted, or at once when
 * the server asked for a longer wait than the client's {@code maxRetryAfter}. {@link #retryAfter()}
 * says how long the server asked to wait.
 */
public class RateLimitException extends RapportApiException {
    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param problem the problem document the server sent
     * @param cause the underlying failure, or null
     */
    public RateLimitException(int status, Problem problem, Throwable cause) {
        super(status, problem, cause);
    }

    /**
     * The server's {@code Retry-After}, when it sent one.
     *
     * @return the wait the server asked for, if any
     */
    public Optional<Duration> retryAfter() {
        return getCause() instanceof ApiException e ? RetryRules.retryAfter(e, Clock.systemUTC()) : Optional.empty();
    }
}
