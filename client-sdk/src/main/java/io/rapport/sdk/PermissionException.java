package io.rapport.sdk;

import io.rapport.sdk.model.Problem;

/** 403: the key is valid but lacks the scope, or its organization is deactivated. */
public class PermissionException extends RapportApiException {
    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param problem the problem document the server sent
     * @param cause the underlying failure, or null
     */
    public PermissionException(int status, Problem problem, Throwable cause) {
        super(status, problem, cause);
    }
}
