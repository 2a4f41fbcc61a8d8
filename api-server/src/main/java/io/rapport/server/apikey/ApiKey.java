package io.rapport.server.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An organization API key as listed: never the secret, only a recognisable prefix. */
public record ApiKey(UUID orgId, UUID keyId, String name, String prefix, List<String> scopes,
                     Instant createdAt, Instant lastUsedAt, Instant revokedAt, Instant expiresAt) {
}
