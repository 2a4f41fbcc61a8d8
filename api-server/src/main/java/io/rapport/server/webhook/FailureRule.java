package io.rapport.server.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * When a subscription is disabled: its last {@code failures} attempts all failed and the run of failures
 * has lasted at least {@code period}. Both are needed: a burst of failures from one bad minute is not
 * sustained, and neither is one slow retry a day apart. Any success ends the run.
 */
public record FailureRule(int failures, Duration period) {

    /** Whether a run of {@code consecutiveFailures} failed attempts that began at {@code failingSince} disables. */
    public boolean disables(int consecutiveFailures, Instant failingSince, Instant now) {
        return consecutiveFailures >= failures && !Duration.between(failingSince, now).minus(period).isNegative();
    }
}
