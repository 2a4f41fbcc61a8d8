package io.rapport.server.event;

import java.time.Instant;
import java.util.UUID;

/** One officer × one partner: the unit that is scored. */
public record Relationship(UUID orgId, UUID relationshipId, UUID officerId, UUID partnerId, Instant createdAt) {
}
