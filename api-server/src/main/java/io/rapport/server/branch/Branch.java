package io.rapport.server.branch;

import java.time.Instant;
import java.util.UUID;

/** A branch office: officers belong to one, oversight summaries roll up by it. */
public record Branch(UUID orgId, UUID branchId, String name, String region, Instant createdAt, Instant updatedAt) {
}
