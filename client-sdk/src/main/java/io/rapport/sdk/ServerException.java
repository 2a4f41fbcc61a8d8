package io.rapport.sdk;

import io.rapport.sdk.model.Problem;

/** 5xx: the server failed; thrown only once retries are exhausted. Quote {@link #requestId()}. */
public class ServerException extends RapportApiException {
    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param problem the problem document the server sent
     * @param cause the underlying failure, or null
     */
    public ServerException(int status, Problem problem, Throwable cause) {
        super(status, problem, cause);
    }
}
