package io.rapport.server.audit;

import java.time.Instant;
import java.util.UUID;

/** One recorded action; {@code details} is its JSON text, or null. */
public record AuditEntry(UUID auditId, String action, String actorType, UUID actorKeyId, String targetType,
                         String targetId, String requestId, String details, Instant occurredAt) {
}
