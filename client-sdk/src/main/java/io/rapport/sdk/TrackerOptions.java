package io.rapport.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link EventTracker} queues and sends. Immutable; build with {@link #builder()}, whose setters
 * check their argument at once and throw {@link IllegalArgumentException}.
 *
 * <p>Defaults: a queue of 10,000 events; batches of at most 500 events and 1 MiB (the server's limits),
 * sent when full or 1 s after the flusher last looked; {@code track} never waits for room; {@code close}
 * waits up to 10 s; no callback.
 */
public final class TrackerOptions {
    static final int MAX_BATCH_EVENTS = 500;
    static final int MAX_BATCH_BYTES = 1024 * 1024;

    private final int maxQueueSize;
    private final int batchSize;
    private final int maxBatchBytes;
    private final Duration flushInterval;
    private final Duration enqueueTimeout;
    private final Duration closeTimeout;
    private final EventCallback callback;

    private TrackerOptions(Builder b) {
        this.maxQueueSize = b.maxQueueSize;
        this.batchSize = b.batchSize;
        this.maxBatchBytes = b.maxBatchBytes;
        this.flushInterval = b.flushInterval;
        this.enqueueTimeout = b.enqueueTimeout;
        this.closeTimeout = b.closeTimeout;
        this.callback = b.callback;
    }

    /**
     * A new builder with the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every default.
     *
     * @return the options
     */
    public static TrackerOptions defaults() {
        return builder().build();
    }

    /**
     * How many events may wait in the queue at most.
     *
     * @return the value
     */
    public int maxQueueSize() {
        return maxQueueSize;
    }

    /**
     * How many events go in one batch at most.
     *
     * @return the value
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The largest batch body, in bytes.
     *
     * @return the value
     */
    public int maxBatchBytes() {
        return maxBatchBytes;
    }

    /**
     * How long an incomplete batch waits before it is sent.
     *
     * @return the duration
     */
    public Duration flushInterval() {
        return flushInterval;
    }

    /**
     * How long {@code track} waits for room in a full queue before it throws.
     *
     * @return the duration
     */
    public Duration enqueueTimeout() {
        return enqueueTimeout;
    }

    /**
     * How long {@code close()} waits for the queue to drain.
     *
     * @return the duration
     */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /**
     * Told the fate of each event.
     *
     * @return the callback
     */
    public EventCallback callback() {
        return callback;
    }

    /** Builds {@link TrackerOptions}; not thread-safe. */
    public static final class Builder {
        private int maxQueueSize = 10_000;
        private int batchSize = MAX_BATCH_EVENTS;
        private int maxBatchBytes = MAX_BATCH_BYTES;
        private Duration flushInterval = Duration.ofSeconds(1);
        private Duration enqueueTimeout = Duration.ZERO;
        private Duration closeTimeout = Duration.ofSeconds(10);
        private EventCallback callback = EventCallback.NONE;

        private Builder() {
        }

        /**
         * Events held while waiting to be sent (1..1,000,000; default 10,000).
         *
         * @param size how many
         * @return this builder
         */
        public Builder maxQueueSize(int size) {
            if (size < 1 || size > 1_000_000) {
                throw new IllegalArgumentException("maxQueueSize must be 1..1000000, got " + size);
            }
            this.maxQueueSize = size;
            return this;
        }

        /**
         * Events per batch (1..500; default 500).
         *
         * @param size how many
         * @return this builder
         */
        public Builder batchSize(int size) {
            if (size < 1 || size > MAX_BATCH_EVENTS) {
                throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH_EVENTS + ", got " + size);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * Serialized bytes per batch (4 KiB..1 MiB; default 1 MiB).
         *
         * @param bytes the largest batch body in bytes
         * @return this builder
         */
        public Builder maxBatchBytes(int bytes) {
            if (bytes < 4096 || bytes > MAX_BATCH_BYTES) {
                throw new IllegalArgumentException("maxBatchBytes must be 4096.." + MAX_BATCH_BYTES + ", got " + bytes);
            }
            this.maxBatchBytes = bytes;
            return this;
        }

        /**
         * The longest a partial batch waits before it is sent (default 1 s).
         *
         * @param interval a positive duration
         * @return this builder
         */
        public Builder flushInterval(Duration interval) {
            this.flushInterval = positive(interval, "flushInterval");
            return this;
        }

        /**
         * How long {@code track} waits for room in a full queue before it throws
         * {@link TrackerQueueFullException} (default zero: it never blocks).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder enqueueTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "enqueueTimeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("enqueueTimeout must not be negative");
            }
            this.enqueueTimeout = timeout;
            return this;
        }

        /**
         * How long {@code close} tries to deliver what is queued before reporting it as failed (default 10 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = positive(timeout, "closeTimeout");
            return this;
        }

        /**
         * Told the outcome of every event; see {@link EventCallback} for the threading.
         *
         * @param callback told the fate of each event
         * @return this builder
         */
        public Builder callback(EventCallback callback) {
            this.callback = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public TrackerOptions build() {
            return new TrackerOptions(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
