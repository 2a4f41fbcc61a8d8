package io.rapport.server.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void tryTake_allowsTheBurst_thenRefusesWithRetryAfter() {
        TokenBucket bucket = new TokenBucket(3, 1, 0);

        assertThat(bucket.tryTake(0).remaining()).isEqualTo(2);
        assertThat(bucket.tryTake(0).allowed()).isTrue();
        assertThat(bucket.tryTake(0).remaining()).isZero();
        RateDecision refused = bucket.tryTake(0);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.resetSeconds()).isEqualTo(3);
        assertThat(refused.limit()).isEqualTo(3);
    }

    @Test
    void tryTake_refillsAtTheRate_butNeverBeyondCapacity() {
        TokenBucket bucket = new TokenBucket(2, 10, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        assertThat(bucket.tryTake(0).allowed()).isFalse();

        assertThat(bucket.tryTake(SECOND / 10).allowed()).isTrue();
        assertThat(bucket.tryTake(100 * SECOND).remaining()).isEqualTo(1);
    }

    @Test
    void tryTake_whenTheRateIsSlow_saysToWaitLonger() {
        TokenBucket bucket = new TokenBucket(1, 1, 0);
        bucket.tryTake(0);

        assertThat(bucket.tryTake(SECOND / 4).retryAfterSeconds()).isEqualTo(1);
        assertThat(new TokenBucket(1, 1, 0).tryTake(0).retryAfterSeconds()).isZero();
    }
}
