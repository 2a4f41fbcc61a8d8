package io.rapport.server.common.web;

import org.slf4j.MDC;

/** The current request's id, kept in the logging MDC so log lines and problem bodies agree. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    /** The servlet request attribute holding the id (Jersey request properties are these attributes). */
    public static final String ATTRIBUTE = "rapport.requestId";

    private RequestIds() {
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
