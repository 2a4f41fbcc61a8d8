package io.rapport.sdk;

import io.rapport.sdk.model.Problem;

/** 400 or 422: the request breaks the contract; repeating it unchanged will fail again. */
public class InvalidRequestException extends RapportApiException {
    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param problem the problem document the server sent
     * @param cause the underlying failure, or null
     */
    public InvalidRequestException(int status, Problem problem, Throwable cause) {
        super(status, problem, cause);
    }
}
