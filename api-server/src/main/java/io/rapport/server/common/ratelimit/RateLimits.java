package io.rapport.server.common.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per credential, kept in this process: each node limits on its own, so behind a load
 * balancer of N nodes a key may reach up to N times its rate. That is acceptable for a guard against
 * runaway clients; an exact cluster-wide quota would need shared state (PostgreSQL or a cache). Buckets
 * are never evicted: there is one per API key, a small and bounded number. Thread-safe.
 */
public class RateLimits {
    private final RateLimitConfig config;
    private final Clock clock;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(RateLimitConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    RateDecision take(String credential) {
        long now = nanos(clock.instant());
        return buckets.computeIfAbsent(credential, c -> new TokenBucket(config.burst(), config.requestsPerSecond(), now))
                .tryTake(now);
    }

    boolean enabled() {
        return config.enabled();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
