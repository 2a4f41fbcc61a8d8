package io.rapport.sdk;

import io.rapport.sdk.model.Problem;

/** 403: the key is valid but lacks the scope, or its organization is deactivated. */
public class PermissionException extends RapportApiException {
    public PermissionException(int status, Problem problem, Throwable cause) {
        super(status, problem, cause);
    }
}
