package io.rapport.server.event;

import java.time.Instant;
import java.util.UUID;

/**
 * One event the ingest transaction has just stored (duplicates excluded). {@code receivedAt} is the
 * batch's receipt, as stored (to the microsecond).
 */
public record AcceptedEvent(UUID eventId, UUID relationshipId, UUID officerId, UUID partnerId,
                            String type, Instant occurredAt, Instant receivedAt, UUID contentId, String propertiesJson) {
}
