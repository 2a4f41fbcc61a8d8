package io.rapport.sdk;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a response said besides its body: status, request id, rate-limit state and whether it was a replay
 * of an earlier create with the same idempotency key. Immutable.
 *
 * @param statusCode the HTTP status
 * @param headers    every response header, names in lower case
 */
public record ResponseMetadata(int statusCode, Map<String, List<String>> headers) {
    /**
     * Copies the headers.
     *
     * @param statusCode the HTTP status
     * @param headers the request headers; names are matched without regard to case
     */
    public ResponseMetadata {
        headers = Map.copyOf(headers);
    }

    static ResponseMetadata of(int statusCode, HttpHeaders headers) {
        return new ResponseMetadata(statusCode, headers.map());
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, in any case
     * @return its first value, empty when the response had none
     */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }

    /** @return {@code X-Request-Id}: the id Rapport's logs and support know this call by */
    public Optional<String> requestId() {
        return header("X-Request-Id");
    }

    /** @return {@code RateLimit-Limit}: requests allowed per window for this credential */
    public OptionalLong rateLimitLimit() {
        return number("RateLimit-Limit");
    }

    /** @return {@code RateLimit-Remaining}: requests left in the current window */
    public OptionalLong rateLimitRemaining() {
        return number("RateLimit-Remaining");
    }

    /** @return {@code RateLimit-Reset}: seconds until the window is full again */
    public OptionalLong rateLimitReset() {
        return number("RateLimit-Reset");
    }

    /** @return true when the server replayed the stored answer to an earlier create with the same idempotency key */
    public boolean replayed() {
        return header("Idempotent-Replayed").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
    }

    private OptionalLong number(String name) {
        Optional<String> value = header(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
