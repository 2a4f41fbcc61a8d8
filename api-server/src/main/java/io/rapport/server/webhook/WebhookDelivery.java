package io.rapport.server.webhook;

import java.time.Instant;
import java.util.UUID;

/** One event for one subscription, from the outbox; {@code payload} is the exact JSON body sent. */
public record WebhookDelivery(UUID orgId, UUID deliveryId, long deliverySeq, UUID subscriptionId, String eventType,
                              String payload, String status, Instant createdAt, Instant nextAttemptAt,
                              int attemptCount) {
}
