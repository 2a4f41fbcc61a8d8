package io.rapport.server.webhook;

import java.time.Instant;
import java.util.UUID;

/** One try at a delivery: the receiver's status code, or why none came. */
public record WebhookAttempt(UUID deliveryId, int attemptNo, Instant attemptedAt, Integer statusCode, String error,
                             long durationMs) {
}
