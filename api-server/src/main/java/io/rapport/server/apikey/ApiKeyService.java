package io.rapport.server.apikey;

import io.rapport.server.audit.AuditActions;
import io.rapport.server.audit.AuditLog;
import io.rapport.server.common.auth.RotationWindow;
import io.rapport.server.common.auth.Secrets;
import io.rapport.server.common.paging.Cursor;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Ids;
import io.rapport.server.common.time.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Issues, lists, rotates and revokes organization API keys; each change is audited in its own transaction. */
public class ApiKeyService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;
    private final AuditLog audit;

    public ApiKeyService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = new Ids(clock);
        this.audit = new AuditLog(clock);
    }

    /** {@code expiresAt}: when the key stops working, or null for never. */
    public IssuedKey issue(UUID orgId, String name, List<String> scopes, Instant expiresAt) {
        Instant now = Timestamps.now(clock);
        RotationWindow.newExpiry(expiresAt, now, "expiresAt");
        return jdbi.inTransaction(handle -> {
            if (handle.createQuery("SELECT 1 FROM organization WHERE org_id = :orgId")
                    .bind("orgId", orgId).mapTo(Integer.class).findOne().isEmpty()) {
                throw ApiProblemException.notFound("Organization " + orgId);
            }
            IssuedKey issued = insert(handle, orgId, name, scopes, expiresAt);
            audit.record(handle, orgId, AuditActions.API_KEY_CREATED, "api_key", issued.key().keyId(), details(issued.key()));
            return issued;
        });
    }

    /**
     * A new key with the old one's name and scopes, and the old one set to expire at {@code oldExpiresAt}
     * (default 24 hours), so clients switch over without downtime.
     */
    public IssuedKey rotate(UUID orgId, UUID keyId, Instant oldExpiresAt) {
        Instant now = Timestamps.now(clock);
        Instant expiry = RotationWindow.oldExpiry(oldExpiresAt, now);
        return jdbi.inTransaction(handle -> {
            ApiKeyDao dao = handle.attach(ApiKeyDao.class);
            ApiKey old = dao.lock(orgId, keyId).orElseThrow(() -> ApiProblemException.notFound("API key " + keyId));
            if (old.revokedAt() != null) {
                throw ApiProblemException.conflict("api_key_revoked", "A revoked key cannot be rotated; create a new one");
            }
            dao.expire(orgId, keyId, expiry);
            IssuedKey issued = insert(handle, orgId, old.name(), old.scopes(), null);
            Map<String, Object> details = details(issued.key());
            details.put("replacedKeyId", keyId.toString());
            details.put("replacedKeyExpiresAt", Timestamps.utc(old.expiresAt() != null && old.expiresAt().isBefore(expiry)
                    ? old.expiresAt() : expiry).toString());
            audit.record(handle, orgId, AuditActions.API_KEY_ROTATED, "api_key", issued.key().keyId(), details);
            return issued;
        });
    }

    public Page<ApiKey> list(UUID orgId, String cursor, int limit) {
        UUID after = Cursor.decode(cursor);
        return Page.of(jdbi.withExtension(ApiKeyDao.class, dao -> dao.list(orgId, after, limit + 1)), limit, ApiKey::keyId);
    }

    /** Revoking twice is harmless, and audited once: only the revocation that changed the key is recorded. */
    public void revoke(UUID orgId, UUID keyId) {
        Instant now = Timestamps.now(clock);
        jdbi.useTransaction(handle -> {
            ApiKey key = handle.attach(ApiKeyDao.class).lock(orgId, keyId)
                    .orElseThrow(() -> ApiProblemException.notFound("API key " + keyId));
            if (key.revokedAt() == null) {
                handle.attach(ApiKeyDao.class).revoke(orgId, keyId, now);
                audit.record(handle, orgId, AuditActions.API_KEY_REVOKED, "api_key", keyId, Map.of("name", key.name()));
            }
        });
    }

    private IssuedKey insert(Handle handle, UUID orgId, String name, List<String> scopes, Instant expiresAt) {
        String secret = ApiKeyFormat.compose(orgId, Secrets.random());
        ApiKey key = new ApiKey(orgId, ids.next(), name, ApiKeyFormat.prefixOf(secret), List.copyOf(scopes),
                Timestamps.now(clock), null, null, expiresAt);
        handle.attach(ApiKeyDao.class).insert(key, Secrets.sha256(secret), scopes.toArray(String[]::new));
        return new IssuedKey(key, secret);
    }

    private static Map<String, Object> details(ApiKey key) {
        Map<String, Object> details = new HashMap<>();
        details.put("name", key.name());
        details.put("scopes", key.scopes());
        if (key.expiresAt() != null) {
            details.put("expiresAt", Timestamps.utc(key.expiresAt()).toString());
        }
        return details;
    }
}
