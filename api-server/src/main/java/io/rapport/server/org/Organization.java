package io.rapport.server.org;

import java.time.Instant;
import java.util.UUID;

/** A tenant: a lender with its officers, partners and keys. */
public record Organization(UUID orgId, String name, String status, Instant createdAt, Instant updatedAt) {
    public static final String ACTIVE = "active";
}
