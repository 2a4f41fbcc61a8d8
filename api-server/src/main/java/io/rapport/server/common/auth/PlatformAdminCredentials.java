package io.rapport.server.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Recognises the configured platform admin key, compared in constant time. */
public class PlatformAdminCredentials implements CredentialResolver {
    private final byte[] adminKey;

    public PlatformAdminCredentials(String adminKey) {
        this.adminKey = adminKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Optional<Caller> resolve(String token) {
        byte[] offered = token.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(adminKey, offered) ? Optional.of(new PlatformCaller()) : Optional.empty();
    }
}
