package io.rapport.sdk;

import io.rapport.sdk.generated.model.Problem;

/** 429: the key sent more than its rate allows; thrown only once retries are exhausted. */
public class RateLimitException extends RapportApiException {
    public RateLimitException(int status, Problem problem, Throwable cause) {
        super(status, problem, cause);
    }
}
