package io.rapport.server.apikey;

import java.util.Optional;
import java.util.UUID;

/**
 * {@code rk_<org id, 32 hex>_<secret>}: the key names its organization, so looking it up touches one
 * tenant's rows only (and one shard, once tables are distributed by org_id).
 */
final class ApiKeyFormat {
    static final String PREFIX = "rk_";
    private static final int ORG_HEX = 32;

    private ApiKeyFormat() {
    }

    static String compose(UUID orgId, String secret) {
        return PREFIX + orgId.toString().replace("-", "") + "_" + secret;
    }

    /** Enough to recognise a key in a list, never enough to use it. */
    static String prefixOf(String key) {
        return PREFIX + "…" + key.substring(PREFIX.length() + ORG_HEX + 1, PREFIX.length() + ORG_HEX + 9);
    }

    static boolean looksLikeKey(String token) {
        return token.startsWith(PREFIX) && token.length() > PREFIX.length() + ORG_HEX + 1
                && token.charAt(PREFIX.length() + ORG_HEX) == '_';
    }

    static Optional<UUID> orgIdOf(String key) {
        String hex = key.substring(PREFIX.length(), PREFIX.length() + ORG_HEX);
        if (!hex.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return Optional.of(new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16)));
    }
}
