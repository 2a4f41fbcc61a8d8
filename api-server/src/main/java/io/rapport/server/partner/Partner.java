package io.rapport.server.partner;

import java.time.Instant;
import java.util.UUID;

/** A referral partner: a Realtor, planner, CPA, builder, attorney or insurance agent. */
public record Partner(UUID orgId, UUID partnerId, String externalId, String name, String company, String type,
                     String email, String phone, boolean active, Instant createdAt, Instant updatedAt) {
}
