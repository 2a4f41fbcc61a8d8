package io.rapport.server.install;

import java.time.Instant;
import java.util.UUID;

/** A partner's install of an officer's branded app; never its token, only a recognisable prefix. */
public record AppInstall(UUID orgId, UUID installId, UUID relationshipId, UUID officerId, UUID partnerId,
                         String platform, String prefix, String status, Instant createdAt, Instant uninstalledAt,
                         Instant revokedAt, Instant expiresAt) {
}
