package io.rapport.sdk;

import io.rapport.sdk.model.Problem;

/** 401: no key, an unknown key or a revoked key. */
public class AuthenticationException extends RapportApiException {
    public AuthenticationException(int status, Problem problem, Throwable cause) {
        super(status, problem, cause);
    }
}
