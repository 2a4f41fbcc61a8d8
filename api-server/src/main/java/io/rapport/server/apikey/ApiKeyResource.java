package io.rapport.server.apikey;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.ApiKeysApi;
import io.rapport.server.generated.model.ApiKeyCreated;
import io.rapport.server.generated.model.ApiKeyInput;
import io.rapport.server.generated.model.ApiKeyPage;
import io.rapport.server.generated.model.KeyRotationInput;
import io.rapport.server.generated.model.Scope;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

public class ApiKeyResource implements ApiKeysApi {
    private final ApiKeyService keys;

    public ApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Response createOrganizationApiKey(UUID orgId, ApiKeyInput input, String idempotencyKey) {
        return created(keys.issue(orgId, input.getName(), input.getScopes().stream().map(Scope::toString).toList(),
                instant(input.getExpiresAt())));
    }

    @Override
    public Response createApiKey(ApiKeyInput input, String idempotencyKey) {
        UUID orgId = Callers.orgId();
        return created(keys.issue(orgId, input.getName(), input.getScopes().stream().map(Scope::toString).toList(),
                instant(input.getExpiresAt())));
    }

    @Override
    public Response rotateApiKey(UUID keyId, KeyRotationInput input) {
        return created(keys.rotate(Callers.orgId(), keyId, input == null ? null : instant(input.getOldKeyExpiresAt())));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    @Override
    public Response listApiKeys(Integer limit, String cursor) {
        Page<ApiKey> page = keys.list(Callers.orgId(), cursor, limit);
        return Response.ok(new ApiKeyPage().items(page.map(ApiKeyResource::toDto).items()).nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response revokeApiKey(UUID keyId) {
        keys.revoke(Callers.orgId(), keyId);
        return Response.noContent().build();
    }

    private static Response created(IssuedKey issued) {
        return Response.status(Response.Status.CREATED)
                .entity(new ApiKeyCreated().apiKey(toDto(issued.key())).secret(issued.secret()))
                .build();
    }

    private static io.rapport.server.generated.model.ApiKey toDto(ApiKey key) {
        return new io.rapport.server.generated.model.ApiKey()
                .id(key.keyId())
                .name(key.name())
                .prefix(key.prefix())
                .scopes(key.scopes().stream().map(Scope::fromValue).toList())
                .createdAt(Timestamps.utc(key.createdAt()))
                .lastUsedAt(Timestamps.utc(key.lastUsedAt()))
                .revokedAt(Timestamps.utc(key.revokedAt()))
                .expiresAt(Timestamps.utc(key.expiresAt()));
    }
}
