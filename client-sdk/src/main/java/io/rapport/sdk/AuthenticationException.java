package io.rapport.sdk;

import io.rapport.sdk.model.Problem;

/** 401: no key, an unknown key or a revoked key. */
public class AuthenticationException extends RapportApiException {
    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param problem the problem document the server sent
     * @param cause the underlying failure, or null
     */
    public AuthenticationException(int status, Problem problem, Throwable cause) {
        super(status, problem, cause);
    }
}
