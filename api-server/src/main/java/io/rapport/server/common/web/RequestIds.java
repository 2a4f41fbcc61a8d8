package io.rapport.server.common.web;

import org.slf4j.MDC;

/** The current request's id, kept in the logging MDC so log lines and problem bodies agree. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
