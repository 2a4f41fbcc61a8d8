package io.rapport.sdk;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The one retry policy, on Resilience4j: it decides whether a failed attempt is retried and how long to
 * wait first — exponential backoff with full jitter ({@code random(0, min(max, initial·2ⁿ⁻¹))}), or the
 * server's {@code Retry-After} when it sent one. A {@code Retry-After} longer than the cap ends the
 * retries at once: waiting that long inside a call would look like a hang. The caller does the waiting,
 * through a {@link Sleeper}, so tests run in virtual time. Thread-safe; one per client.
 */
final class RetryPolicy {
    private final Retry retry;
    private final Sleeper sleeper;

    RetryPolicy(Settings settings) {
        this.sleeper = settings.sleeper();
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(RetryRules::retryable)
                .intervalBiFunction(interval(settings))
                .failAfterMaxAttempts(false)
                .build();
        this.retry = Retry.of("rapport", config);
    }

    /** Everything the policy is made of; the builder fills it with defaults and the test seams. */
    record Settings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                    Sleeper sleeper, DoubleSupplier jitter, Clock clock) {
    }

    /** A fresh attempt counter for one call. */
    <T> Retry.AsyncContext<T> newCall() {
        return retry.asyncContext();
    }

    void pause(long millis) throws InterruptedException {
        if (millis > 0) {
            sleeper.sleep(Duration.ofMillis(millis));
        }
    }

    private static <T> IntervalBiFunction<T> interval(Settings settings) {
        return (attempt, outcome) -> {
            Optional<Duration> asked = outcome.isLeft()
                    ? RetryRules.retryAfter(outcome.getLeft(), settings.clock()) : Optional.empty();
            if (asked.isPresent()) {
                return asked.get().compareTo(settings.maxRetryAfter()) > 0 ? -1L : asked.get().toMillis();
            }
            return backoff(attempt, settings);
        };
    }

    static long backoff(int attempt, Settings settings) {
        double ceiling = Math.min(settings.maxBackoff().toMillis(),
                settings.initialBackoff().toMillis() * Math.pow(2, Math.max(0, attempt - 1)));
        return (long) (settings.jitter().getAsDouble() * ceiling);
    }
}
