package io.rapport.server.webhook;

import java.time.Instant;

/** A subscription's current run of failed attempts. */
public record SubscriptionHealth(int consecutiveFailures, Instant failingSince, boolean active) {
}
