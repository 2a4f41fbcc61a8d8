package io.rapport.server.embed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(EmbedKey.class)
public interface EmbedDao {

    /** Makes the organization's key on its first use; a concurrent first use keeps the one written first. */
    @SqlUpdate("""
            INSERT INTO org_embed (org_id, signing_key, updated_at) VALUES (:orgId, :key, :now)
            ON CONFLICT (org_id) DO NOTHING
            """)
    void ensureKey(UUID orgId, byte[] key, Instant now);

    @SqlQuery("""
            SELECT e.signing_key, o.status AS org_status, f.active AS officer_active
            FROM officer f
            JOIN organization o ON o.org_id = f.org_id
            LEFT JOIN org_embed e ON e.org_id = f.org_id
            WHERE f.org_id = :orgId AND f.officer_id = :officerId
            """)
    Optional<EmbedKey> key(UUID orgId, UUID officerId);

    @SqlQuery("SELECT unnest(frame_ancestors) FROM org_embed WHERE org_id = :orgId")
    List<String> frameAncestors(UUID orgId);

    @SqlUpdate("""
            INSERT INTO org_embed (org_id, signing_key, frame_ancestors, updated_at)
            VALUES (:orgId, :key, :origins, :now)
            ON CONFLICT (org_id) DO UPDATE SET frame_ancestors = EXCLUDED.frame_ancestors, updated_at = EXCLUDED.updated_at
            """)
    void setFrameAncestors(UUID orgId, byte[] key, String[] origins, Instant now);

    @SqlQuery("SELECT officer_id FROM relationship WHERE org_id = :orgId AND relationship_id = :relationshipId")
    Optional<UUID> officerOf(UUID orgId, UUID relationshipId);
}
