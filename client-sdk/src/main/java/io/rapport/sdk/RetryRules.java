package io.rapport.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rapport.sdk.internal.invoker.ApiException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/** Which failures are worth another attempt, and what the server asked us to wait. Stateless. */
final class RetryRules {
    static final String SHOULD_RETRY = "Rapport-Should-Retry";
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private RetryRules() {
    }

    /**
     * Network failures and timeouts, and 408, 429, 500, 502, 503, 504, unless the server says
     * otherwise: {@code Rapport-Should-Retry: false} stops any retry, {@code true} allows one for a
     * status that alone would not (a 409 for a request still in progress).
     */
    static boolean retryable(Throwable failure) {
        if (!(failure instanceof ApiException e)) {
            return false;
        }
        if (e.getCode() == 0) {
            return isTransportFailure(e.getCause());
        }
        Optional<String> verdict = header(e, SHOULD_RETRY);
        if (verdict.isPresent()) {
            return "true".equalsIgnoreCase(verdict.get().trim());
        }
        return RETRYABLE_STATUSES.contains(e.getCode());
    }

    /** A response that could not be parsed is not a transport failure: retrying would not fix it. */
    static boolean isTransportFailure(Throwable cause) {
        return cause instanceof IOException && !(cause instanceof JsonProcessingException);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(Throwable failure, Clock clock) {
        if (!(failure instanceof ApiException e)) {
            return Optional.empty();
        }
        return header(e, "Retry-After").flatMap(value -> parseRetryAfter(value.trim(), clock));
    }

    static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<String> header(ApiException e, String name) {
        return e.getResponseHeaders() == null ? Optional.empty() : e.getResponseHeaders().firstValue(name);
    }
}
