package io.rapport.server.common.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * The officer's score card page, holding a signed embed token: it may use only operations whose
 * {@code x-rapport-scope} lists {@code embed_token}, and only for the one officer the token names
 * (the officer is fixed by the signature, never taken from the request).
 */
public record EmbedCaller(UUID orgId, UUID officerId, Instant expiresAt) implements Caller {
    public static final String SCOPE = "embed_token";

    @Override
    public boolean allows(String scope) {
        return SCOPE.equals(scope);
    }

    @Override
    public String getName() {
        return "embed:" + officerId;
    }
}
