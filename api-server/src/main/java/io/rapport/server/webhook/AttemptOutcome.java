package io.rapport.server.webhook;

/** How one attempt went: the receiver's status, or why there was none. */
record AttemptOutcome(Integer statusCode, String error, long durationMs) {
    private static final int MAX_ERROR = 500;

    static AttemptOutcome answered(int statusCode, long durationMs) {
        return new AttemptOutcome(statusCode, null, durationMs);
    }

    static AttemptOutcome failed(String error, long durationMs) {
        return new AttemptOutcome(null, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, durationMs);
    }

    boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
