package io.rapport.server.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A URL an organization's changes are pushed to. The secret is not part of it: it is shown only once. */
public record WebhookSubscription(UUID orgId, UUID subscriptionId, String url, List<String> eventTypes,
                                  String description, boolean active, String disabledReason, Instant createdAt,
                                  Instant updatedAt) {
}
