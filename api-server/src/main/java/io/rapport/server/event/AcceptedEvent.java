package io.rapport.server.event;

import java.time.Instant;
import java.util.UUID;

/** One event the ingest transaction has just stored (duplicates excluded). */
public record AcceptedEvent(UUID eventId, UUID relationshipId, UUID officerId, UUID partnerId,
                            String type, Instant occurredAt, UUID contentId, String propertiesJson) {
}
