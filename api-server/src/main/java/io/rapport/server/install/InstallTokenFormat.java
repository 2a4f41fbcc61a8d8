package io.rapport.server.install;

import java.util.Optional;
import java.util.UUID;

/**
 * {@code rit_<org id, 32 hex>_<secret>}: like an API key, the token names its organization, so its
 * lookup touches one tenant's rows; the distinct prefix tells the two kinds apart at a glance.
 */
final class InstallTokenFormat {
    static final String PREFIX = "rit_";
    private static final int ORG_HEX = 32;

    private InstallTokenFormat() {
    }

    static String compose(UUID orgId, String secret) {
        return PREFIX + orgId.toString().replace("-", "") + "_" + secret;
    }

    /** Enough to recognise a token in a list, never enough to use it. */
    static String prefixOf(String token) {
        return PREFIX + "…" + token.substring(PREFIX.length() + ORG_HEX + 1, PREFIX.length() + ORG_HEX + 9);
    }

    static boolean looksLikeToken(String token) {
        return token.startsWith(PREFIX) && token.length() > PREFIX.length() + ORG_HEX + 1
                && token.charAt(PREFIX.length() + ORG_HEX) == '_';
    }

    static Optional<UUID> orgIdOf(String token) {
        String hex = token.substring(PREFIX.length(), PREFIX.length() + ORG_HEX);
        if (!hex.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return Optional.of(new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16)));
    }
}
