package io.rapport.server.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));
    private final RateLimits limits = new RateLimits(new RateLimitConfig(), new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    });

    @Test
    void eachCredential_hasItsOwnBucket() {
        for (int i = 0; i < 200; i++) {
            assertThat(limits.take("key-a").allowed()).isTrue();
        }

        assertThat(limits.take("key-a").allowed()).isFalse();
        assertThat(limits.take("key-b").allowed()).isTrue();
    }

    @Test
    void bucketsOfIdleCredentials_areSwept_butBusyOnesStay() {
        for (int i = 0; i < 1000; i++) {
            limits.take("install-" + i);
        }
        for (int i = 0; i < 200; i++) {
            limits.take("busy");
        }
        now.updateAndGet(t -> t.plus(Duration.ofMillis(100)));
        for (int i = limits.trackedCredentials(); i < RateLimits.SWEEP_EVERY * 2; i++) {
            limits.take("busy");
        }

        assertThat(limits.trackedCredentials()).isEqualTo(1);
        assertThat(limits.take("busy").allowed()).isFalse();
    }
}
