package io.rapport.server.common.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One token bucket per credential (organization API key, platform key, app install token), kept in
 * this process: each node limits on its own, so behind a load balancer of N nodes a credential may reach
 * up to N times its rate. That is acceptable for a guard against runaway clients; an exact cluster-wide
 * quota would need shared state. Install tokens can be many, so every {@value #SWEEP_EVERY} requests the
 * buckets that have refilled completely are dropped: a full bucket is the same as a new one. Thread-safe.
 */
public class RateLimits {
    static final int SWEEP_EVERY = 4096;
    private final RateLimitConfig config;
    private final Clock clock;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    public RateLimits(RateLimitConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    RateDecision take(String credential) {
        long now = nanos(clock.instant());
        if (requests.incrementAndGet() % SWEEP_EVERY == 0) {
            // A request racing the sweep may find its bucket replaced by a full one: at most a burst's
            // worth of extra requests, once, for a credential that was idle long enough to refill.
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(credential, c -> new TokenBucket(config.burst(), config.requestsPerSecond(), now))
                .tryTake(now);
    }

    boolean enabled() {
        return config.enabled();
    }

    int trackedCredentials() {
        return buckets.size();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
