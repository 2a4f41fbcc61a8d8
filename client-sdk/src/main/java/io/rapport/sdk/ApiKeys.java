package io.rapport.sdk;

import io.rapport.sdk.internal.api.ApiKeysApi;
import io.rapport.sdk.model.ApiKeyCreated;
import io.rapport.sdk.model.ApiKeyInput;
import io.rapport.sdk.model.ApiKeyPage;
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

    /** Revokes a key at once; revoking twice is harmless. */
    public void revoke(UUID keyId) {
        executor.execute(headers -> {
            api.revokeApiKey(keyId, headers);
            return null;
        });
    }
}
