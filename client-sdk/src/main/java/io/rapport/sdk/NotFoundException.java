package io.rapport.sdk;

import io.rapport.sdk.model.Problem;

/** 404: no such resource in the caller's organization (another organization's ids answer this too). */
public class NotFoundException extends RapportApiException {
    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param problem the problem document the server sent
     * @param cause the underlying failure, or null
     */
    public NotFoundException(int status, Problem problem, Throwable cause) {
        super(status, problem, cause);
    }
}
