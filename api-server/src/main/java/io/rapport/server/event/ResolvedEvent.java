package io.rapport.server.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An event that passed the built-in rules, with its officer and partner resolved to ids and its
 * {@code occurredAt} corrected for clock skew. {@code index} is its position in the batch.
 */
public record ResolvedEvent(int index, UUID eventId, String type, Instant occurredAt, UUID officerId, UUID partnerId,
                            UUID contentId, String propertiesJson) {
}
