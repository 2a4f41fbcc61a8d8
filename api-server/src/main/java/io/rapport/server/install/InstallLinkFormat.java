package io.rapport.server.install;

import java.util.Optional;
import java.util.UUID;

/**
 * An install link's code: {@code <org id, 32 hex><secret>}. Like the token it names its organization, so
 * its lookup stays inside one tenant's rows; it is only ever stored as a SHA-256 hash.
 */
final class InstallLinkFormat {
    private static final int ORG_HEX = 32;

    private InstallLinkFormat() {
    }

    static String compose(UUID orgId, String secret) {
        return orgId.toString().replace("-", "") + secret;
    }

    static Optional<UUID> orgIdOf(String code) {
        if (code == null || code.length() < ORG_HEX + 20 || !code.matches("[0-9a-f]{32}[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        String hex = code.substring(0, ORG_HEX);
        return Optional.of(new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16)));
    }
}
