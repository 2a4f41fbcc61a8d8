package io.rapport.server.event;

import java.time.Instant;
import java.util.UUID;

/** A stored usage event, as the timeline shows it. */
public record UsageEvent(UUID eventId, UUID relationshipId, UUID officerId, UUID partnerId, String type,
                         Instant occurredAt, Instant receivedAt, UUID contentId, String propertiesJson) {
}
