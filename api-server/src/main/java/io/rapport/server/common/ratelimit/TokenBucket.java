package io.rapport.server.common.ratelimit;

/** One key's bucket. Time is passed in (nanoseconds on any fixed origin), so tests move it by hand. Thread-safe. */
final class TokenBucket {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private final int capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, int perSecond, long now) {
        this.capacity = capacity;
        this.tokensPerNano = (double) perSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    synchronized RateDecision tryTake(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
            updatedAt = now;
        }
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long retryAfter = allowed ? 0 : Math.max(1, seconds((1 - tokens) / tokensPerNano));
        long untilFull = seconds((capacity - tokens) / tokensPerNano);
        return new RateDecision(allowed, capacity, (int) Math.floor(tokens), retryAfter, untilFull);
    }

    /** Whether, at {@code now}, the bucket would hold its whole capacity again. */
    synchronized boolean isFull(long now) {
        return tokens + Math.max(0, now - updatedAt) * tokensPerNano >= capacity;
    }

    private static long seconds(double nanos) {
        return (long) Math.ceil(nanos / NANOS_PER_SECOND);
    }
}
