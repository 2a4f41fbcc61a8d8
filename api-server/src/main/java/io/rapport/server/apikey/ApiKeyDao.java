package io.rapport.server.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ApiKey.class)
public interface ApiKeyDao {

    @SqlUpdate("""
            INSERT INTO api_key (org_id, key_id, name, prefix, key_hash, scopes, created_at, expires_at)
            VALUES (:orgId, :keyId, :name, :prefix, :hash, :scopeArray, :createdAt, :expiresAt)
            """)
    void insert(@BindMethods ApiKey key, byte[] hash, @Bind("scopeArray") String[] scopeArray);

    @SqlQuery("""
            SELECT org_id, key_id, name, prefix, scopes, created_at, last_used_at, revoked_at, expires_at
            FROM api_key
            WHERE org_id = :orgId AND (CAST(:after AS uuid) IS NULL OR key_id > :after)
            ORDER BY key_id
            LIMIT :limit
            """)
    List<ApiKey> list(UUID orgId, UUID after, int limit);

    @SqlUpdate("""
            UPDATE api_key SET revoked_at = coalesce(revoked_at, :now)
            WHERE org_id = :orgId AND key_id = :keyId
            """)
    int revoke(UUID orgId, UUID keyId, Instant now);

    /** Locked, so two rotations of one key are one after the other. */
    @SqlQuery("""
            SELECT org_id, key_id, name, prefix, scopes, created_at, last_used_at, revoked_at, expires_at
            FROM api_key WHERE org_id = :orgId AND key_id = :keyId
            FOR UPDATE
            """)
    Optional<ApiKey> lock(UUID orgId, UUID keyId);

    /** An expiry it already had that comes sooner is kept. */
    @SqlUpdate("""
            UPDATE api_key SET expires_at = least(coalesce(expires_at, :expiresAt), :expiresAt)
            WHERE org_id = :orgId AND key_id = :keyId
            """)
    void expire(UUID orgId, UUID keyId, Instant expiresAt);
}
