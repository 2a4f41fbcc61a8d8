package io.rapport.server.common.ratelimit;

import io.rapport.server.common.problem.ApiProblemException;
import java.util.List;

/** 429: the key is over its rate. Retryable: the {@code Retry-After} header says when. */
final class RateLimitedException extends ApiProblemException {
    RateLimitedException(long retryAfterSeconds) {
        super(429, "rate_limited", "Too Many Requests",
                "This API key is over its request rate; retry after " + retryAfterSeconds + " s", List.of(), true);
    }
}
