package io.rapport.sdk;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Options for the calls made through {@link RapportClient#withOptions(RequestOptions)}: an idempotency key
 * of the caller's own, a timeout other than the client's read timeout, and extra headers. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * Partner partner = rapport.withOptions(RequestOptions.builder()
 *         .idempotencyKey("crm-sync-2024-05-01-partner-42")
 *         .timeout(Duration.ofSeconds(5))
 *         .header("X-Crm-Trace", traceId)
 *         .build()).partners().create(input);
 * }</pre>
 */
public final class RequestOptions {
    /** No options: the client's defaults. */
    public static final RequestOptions NONE = builder().build();

    private static final Set<String> RESERVED = Set.of("authorization", "user-agent", "idempotency-key",
            "x-retry-count", "content-type", "content-length", "host");

    private final String idempotencyKey;
    private final Duration timeout;
    private final Map<String, String> headers;

    private RequestOptions(Builder builder) {
        this.idempotencyKey = builder.idempotencyKey;
        this.timeout = builder.timeout;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    }

    /**
     * A new builder with no option set.
     *
     * @return this builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code Idempotency-Key} sent with a create (every attempt of it), or null to let the SDK choose a
     * new random key per create. Other calls ignore it.
     *
     * @return the value
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /**
     * How long to wait for each response of each attempt, or null for the client's read timeout.
     *
     * @return the duration
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Extra headers sent with every request, in the order they were added.
     *
     * @return the headers, unmodifiable
     */
    public Map<String, String> headers() {
        return headers;
    }

    /** These options with {@code other}'s set options taking precedence and both sets of headers. */
    RequestOptions overriddenBy(RequestOptions other) {
        Builder merged = new Builder();
        merged.idempotencyKey = other.idempotencyKey != null ? other.idempotencyKey : idempotencyKey;
        merged.timeout = other.timeout != null ? other.timeout : timeout;
        merged.headers.putAll(headers);
        merged.headers.putAll(other.headers);
        return new RequestOptions(merged);
    }

    /** Builds {@link RequestOptions}; each setter checks its argument at once ({@link IllegalArgumentException}). */
    public static final class Builder {
        private String idempotencyKey;
        private Duration timeout;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The idempotency key for a create: 1..255 printable ASCII characters. A create retried by the caller
         * with the same key (within 24 hours) gets the first answer back instead of creating again.
         *
         * @param key the key, for example derived from the CRM's own record id and version
         * @return this builder
         */
        public Builder idempotencyKey(String key) {
            if (key == null || key.isEmpty() || key.length() > 255 || key.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new IllegalArgumentException("idempotencyKey must be 1..255 printable ASCII characters");
            }
            this.idempotencyKey = key;
            return this;
        }

        /**
         * How long to wait for each response (each attempt has this much).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * An extra header sent with every request. The headers the SDK itself manages ({@code Authorization},
         * {@code User-Agent}, {@code Idempotency-Key}, {@code X-Retry-Count}, {@code Content-Type},
         * {@code Content-Length}, {@code Host}) are refused.
         *
         * @param name  the header name
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isBlank() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " cannot be set through RequestOptions");
            }
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw new IllegalArgumentException("header " + name + " has a line break in its value");
            }
            headers.put(name, value);
            return this;
        }

        /** @return the options */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
