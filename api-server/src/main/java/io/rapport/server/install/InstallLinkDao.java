package io.rapport.server.install;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(StoredInstallLink.class)
public interface InstallLinkDao {

    @SqlUpdate("""
            INSERT INTO install_link (org_id, code_hash, install_id, created_at, expires_at)
            VALUES (:orgId, :hash, :installId, :now, :expiresAt)
            """)
    void insert(UUID orgId, byte[] hash, UUID installId, Instant now, Instant expiresAt);

    /** Locks the link, so two phones racing with one code cannot both get a token. */
    @SqlQuery("""
            SELECT l.install_id, l.expires_at, l.used_at, i.status AS install_status, o.status AS org_status
            FROM install_link l
            JOIN app_install i ON i.org_id = l.org_id AND i.install_id = l.install_id
            JOIN organization o ON o.org_id = l.org_id
            WHERE l.org_id = :orgId AND l.code_hash = :hash
            FOR UPDATE OF l
            """)
    Optional<StoredInstallLink> lock(UUID orgId, byte[] hash);

    @SqlUpdate("UPDATE install_link SET used_at = :now WHERE org_id = :orgId AND code_hash = :hash")
    void markUsed(UUID orgId, byte[] hash, Instant now);

    @SqlUpdate("""
            UPDATE app_install SET token_hash = :hash, prefix = :prefix
            WHERE org_id = :orgId AND install_id = :installId
            """)
    void replaceToken(UUID orgId, UUID installId, String prefix, byte[] hash);
}
