package io.rapport.sdk;

import io.rapport.sdk.model.Problem;

/** 409 or 412: the request conflicts with the current state (a taken externalId, a stale version). */
public class ConflictException extends RapportApiException {
    public ConflictException(int status, Problem problem, Throwable cause) {
        super(status, problem, cause);
    }
}
