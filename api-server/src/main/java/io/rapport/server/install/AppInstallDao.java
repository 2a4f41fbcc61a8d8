package io.rapport.server.install;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;

@RegisterConstructorMapper(AppInstall.class)
@RegisterConstructorMapper(InstallLookup.class)
public interface AppInstallDao {
    String COLUMNS = """
            i.org_id, i.install_id, i.relationship_id, r.officer_id, r.partner_id, i.platform, i.prefix, i.status,
            i.created_at, i.uninstalled_at, i.revoked_at, i.expires_at
            """;

    @SqlUpdate("""
            INSERT INTO app_install (org_id, install_id, relationship_id, platform, prefix, token_hash, created_at)
            VALUES (:orgId, :installId, :relationshipId, :platform, :prefix, :hash, :now)
            """)
    void insert(UUID orgId, UUID installId, UUID relationshipId, String platform, String prefix, byte[] hash, Instant now);

    @SqlQuery("SELECT " + COLUMNS + """
            FROM app_install i
            JOIN relationship r ON r.org_id = i.org_id AND r.relationship_id = i.relationship_id
            WHERE i.org_id = :orgId AND i.install_id = :installId
            """)
    Optional<AppInstall> find(UUID orgId, UUID installId);

    @SqlUpdate("""
            UPDATE app_install SET status = 'revoked', revoked_at = coalesce(revoked_at, :now)
            WHERE org_id = :orgId AND install_id = :installId
            """)
    int revoke(UUID orgId, UUID installId, Instant now);

    @SqlQuery("""
            SELECT i.install_id, i.relationship_id, r.officer_id, r.partner_id, i.status, o.status AS org_status,
                   (i.expires_at IS NOT NULL AND i.expires_at <= :now) AS expired
            FROM app_install i
            JOIN relationship r ON r.org_id = i.org_id AND r.relationship_id = i.relationship_id
            JOIN organization o ON o.org_id = i.org_id
            WHERE i.org_id = :orgId AND i.token_hash = :hash AND i.status <> 'revoked'
            """)
    Optional<InstallLookup> findByToken(UUID orgId, byte[] hash, Instant now);

    /**
     * The install's relationship, key-share locked before the install itself: a partner erasure locks the
     * relationship first and deletes the install after, so taking them in the other order could deadlock.
     */
    @SqlQuery("""
            SELECT r.relationship_id FROM app_install i
            JOIN relationship r ON r.org_id = i.org_id AND r.relationship_id = i.relationship_id
            WHERE i.org_id = :orgId AND i.install_id = :installId
            FOR KEY SHARE OF r
            """)
    Optional<UUID> shareRelationship(UUID orgId, UUID installId);

    /** Locked, so a rotation and a revocation of one install are one after the other. */
    @SqlQuery("SELECT " + COLUMNS + """
            FROM app_install i
            JOIN relationship r ON r.org_id = i.org_id AND r.relationship_id = i.relationship_id
            WHERE i.org_id = :orgId AND i.install_id = :installId
            FOR UPDATE OF i
            """)
    Optional<AppInstall> lock(UUID orgId, UUID installId);

    /** An expiry it already had that comes sooner is kept. */
    @SqlUpdate("""
            UPDATE app_install SET expires_at = least(coalesce(expires_at, :expiresAt), :expiresAt)
            WHERE org_id = :orgId AND install_id = :installId
            """)
    void expire(UUID orgId, UUID installId, Instant expiresAt);

    /**
     * Marks the relationships' active installs uninstalled, as of the {@code app_uninstalled} event.
     * An install registered after the event (a reinstall) stays active.
     */
    @SqlUpdate("""
            UPDATE app_install i SET status = 'uninstalled', uninstalled_at = u.occurred_at
            FROM unnest(:relationshipIds, CAST(:occurredAts AS timestamptz[])) AS u(relationship_id, occurred_at)
            WHERE i.org_id = :orgId AND i.relationship_id = u.relationship_id AND i.status = 'active'
              AND i.created_at <= u.occurred_at
            """)
    int markUninstalled(UUID orgId, UUID[] relationshipIds, String[] occurredAts);
}
