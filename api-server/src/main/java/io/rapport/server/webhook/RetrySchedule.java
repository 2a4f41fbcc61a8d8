package io.rapport.server.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: 5 s after the first failure, then four times longer after each
 * (20 s, 80 s, 5 min, 21 min, 85 min, 5.7 h), capped at 8 h. Ten attempts span about 25 hours, so a
 * receiver that is down for a day still gets everything.
 */
public record RetrySchedule(int maxAttempts) {
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    static final Duration FIRST = Duration.ofSeconds(5);
    static final Duration CAP = Duration.ofHours(8);

    /**
     * The wait after the {@code failed}-th failed attempt of the current budget, or empty when that was
     * the last attempt and the delivery has failed.
     */
    public Optional<Duration> delayAfter(int failed) {
        if (failed < 1) {
            throw new IllegalArgumentException("failed must be at least 1, got " + failed);
        }
        if (failed >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = FIRST;
        for (int i = 1; i < failed && delay.compareTo(CAP) < 0; i++) {
            delay = delay.multipliedBy(4);
        }
        return Optional.of(delay.compareTo(CAP) > 0 ? CAP : delay);
    }
}
