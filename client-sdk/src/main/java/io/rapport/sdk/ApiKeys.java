package io.rapport.sdk;

import io.rapport.sdk.generated.api.ApiKeysApi;
import io.rapport.sdk.generated.model.ApiKeyCreated;
import io.rapport.sdk.generated.model.ApiKeyInput;
import io.rapport.sdk.generated.model.ApiKeyPage;
import io.rapport.sdk.generated.model.KeyRotationInput;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Organization API keys. The secret is returned once, by the create calls; store it then. Thread-safe.
 */
public final class ApiKeys {
    private final ApiKeysApi api;
    private final RequestExecutor executor;

    ApiKeys(ApiKeysApi api, RequestExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    /** Creates a key in the caller's organization (needs the {@code admin} scope). */
    public ApiKeyCreated create(ApiKeyInput input) {
        return executor.create((key, headers) -> api.createApiKey(input, key, headers));
    }

    /** Creates a key in any organization (needs the platform admin key). */
    public ApiKeyCreated createFor(UUID orgId, ApiKeyInput input) {
        return executor.create((key, headers) -> api.createOrganizationApiKey(orgId, input, key, headers));
    }

    public ApiKeyPage list(Integer limit, String cursor) {
        return executor.execute(headers -> api.listApiKeys(limit, cursor, headers));
    }

    /**
     * Rotates a key without downtime: issues a new key with the old one's name and scopes (its secret is in the
     * result only) and sets the old key to expire at {@code oldKeyExpiresAt} (null: 24 hours from now). Deploy the
     * new secret, then revoke the old key or let it expire; after its expiry it answers 401 {@code api_key_expired}
     * ({@link AuthenticationException}). Needs the {@code admin} scope.
     *
     * @throws InvalidRequestException if {@code oldKeyExpiresAt} is in the past or more than 30 days ahead
     * @throws ConflictException       ({@code api_key_revoked}) if the key was revoked
     * @throws NotFoundException       if the key is not the organization's
     */
    public ApiKeyCreated rotate(UUID keyId, OffsetDateTime oldKeyExpiresAt) {
        KeyRotationInput input = new KeyRotationInput().oldKeyExpiresAt(oldKeyExpiresAt);
        return executor.execute(headers -> api.rotateApiKey(keyId, input, headers));
    }

    /** Revokes a key at once; revoking twice is harmless. */
    public void revoke(UUID keyId) {
        executor.execute(headers -> {
            api.revokeApiKey(keyId, headers);
            return null;
        });
    }
}
