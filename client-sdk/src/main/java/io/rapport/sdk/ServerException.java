package io.rapport.sdk;

import io.rapport.sdk.model.Problem;

/** 5xx: the server failed; thrown only once retries are exhausted. Quote {@link #requestId()}. */
public class ServerException extends RapportApiException {
    public ServerException(int status, Problem problem, Throwable cause) {
        super(status, problem, cause);
    }
}
