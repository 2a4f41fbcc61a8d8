package io.rapport.sdk;

import io.rapport.sdk.model.Problem;

/** 404: no such resource in the caller's organization (another organization's ids answer this too). */
public class NotFoundException extends RapportApiException {
    public NotFoundException(int status, Problem problem, Throwable cause) {
        super(status, problem, cause);
    }
}
