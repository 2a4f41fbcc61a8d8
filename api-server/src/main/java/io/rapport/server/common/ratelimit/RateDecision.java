package io.rapport.server.common.ratelimit;

/** The answer for one request, and what the {@code RateLimit-*} headers tell the caller. */
record RateDecision(boolean allowed, int limit, int remaining, long retryAfterSeconds, long resetSeconds) {
}
