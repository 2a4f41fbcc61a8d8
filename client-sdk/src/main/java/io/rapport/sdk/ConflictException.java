package io.rapport.sdk;

import io.rapport.sdk.model.Problem;

/** 409 or 412: the request conflicts with the current state (a taken externalId, a stale version). */
public class ConflictException extends RapportApiException {
    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param problem the problem document the server sent
     * @param cause the underlying failure, or null
     */
    public ConflictException(int status, Problem problem, Throwable cause) {
        super(status, problem, cause);
    }
}
