package io.rapport.sdk;

import io.rapport.sdk.internal.api.ApiKeysApi;
import io.rapport.sdk.model.ApiKey;
import io.rapport.sdk.model.ApiKeyCreated;
import io.rapport.sdk.model.ApiKeyInput;
import io.rapport.sdk.model.ApiKeyPage;
import io.rapport.sdk.model.KeyRotationInput;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Stream;

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

    /**
     * Creates a key in the caller's organization (needs the {@code admin} scope).
     *
     * @param input name and scopes
     * @return the key with its secret, shown this once
     */
    public ApiKeyCreated create(ApiKeyInput input) {
        return executor.create((key, headers) -> api.createApiKey(input, key, headers));
    }

    /**
     * Creates a key in any organization (needs the platform admin key).
     *
     * @param orgId the organization
     * @param input name and scopes
     * @return the key with its secret, shown this once
     */
    public ApiKeyCreated createFor(UUID orgId, ApiKeyInput input) {
        return executor.create((key, headers) -> api.createOrganizationApiKey(orgId, input, key, headers));
    }

    /**
     * One page of keys (never their secrets).
     *
     * @param query paging
     * @return the page; pass its {@code nextCursor} as the next query's cursor
     */
    public ApiKeyPage list(PageQuery query) {
        return executor.execute(headers -> api.listApiKeys(query.limit(), query.cursor(), headers));
    }

    /**
     * Every one from the query's cursor on, fetching pages lazily as the stream is consumed.
     *
     * @param query paging; its limit is the page size (default 500)
     * @return them all
     */
    public Stream<ApiKey> all(PageQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            ApiKeyPage page = executor.execute(headers -> api.listApiKeys(query.pageSize(), cursor, headers));
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /**
     * @param limit  page size
     * @param cursor where to continue
     * @return the page
     * @deprecated use {@link #list(PageQuery)}
     */
    @Deprecated(since = "0.2")
    public ApiKeyPage list(Integer limit, String cursor) {
        return executor.execute(headers -> api.listApiKeys(limit, cursor, headers));
    }

    /**
     * Rotates a key without downtime: issues a new key with the old one's name and scopes (its secret is in the
     * result only) and sets the old key to expire at {@code oldKeyExpiresAt} (null: 24 hours from now). Deploy the
     * new secret, then revoke the old key or let it expire; after its expiry it answers 401 {@code api_key_expired}
     * ({@link AuthenticationException}). Needs the {@code admin} scope.
     *
     * @param keyId           the key to replace
     * @param oldKeyExpiresAt when the old key stops working; null for 24 hours from now
     * @return the new key, with its secret (shown this once)
     * @throws InvalidRequestException if {@code oldKeyExpiresAt} is in the past or more than 30 days ahead
     * @throws ConflictException       ({@code api_key_revoked}) if the key was revoked
     * @throws NotFoundException       if the key is not the organization's
     */
    public ApiKeyCreated rotate(UUID keyId, OffsetDateTime oldKeyExpiresAt) {
        KeyRotationInput input = new KeyRotationInput().oldKeyExpiresAt(oldKeyExpiresAt);
        return executor.execute(headers -> api.rotateApiKey(keyId, input, headers));
    }

    /**
     * Revokes a key at once; revoking twice is harmless.
     *
     * @param keyId the key
     */
    public void revoke(UUID keyId) {
        executor.execute(headers -> {
            api.revokeApiKey(keyId, headers);
            return null;
        });
    }
}
