package io.rapport.server.content;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(PhotoInfo.class)
@RegisterConstructorMapper(Photo.class)
public interface PhotoDao {

    /** Points the officer's card at the new photo; 0 rows means no such officer in this organization. */
    @SqlUpdate("""
            UPDATE officer SET photo_etag = :etag, updated_at = :now
            WHERE org_id = :orgId AND officer_id = :officerId
            """)
    int markOfficer(UUID orgId, UUID officerId, String etag, Instant now);

    @SqlQuery("""
            INSERT INTO officer_photo (org_id, officer_id, content_type, width, height, size_bytes, etag, bytes, updated_at)
            VALUES (:p.orgId, :p.ownerId, :p.contentType, :p.width, :p.height, :p.sizeBytes, :p.etag, :bytes, :p.updatedAt)
            ON CONFLICT (org_id, officer_id) DO UPDATE
               SET content_type = EXCLUDED.content_type, width = EXCLUDED.width, height = EXCLUDED.height,
                   size_bytes = EXCLUDED.size_bytes, etag = EXCLUDED.etag, bytes = EXCLUDED.bytes,
                   updated_at = EXCLUDED.updated_at
            RETURNING org_id, officer_id AS owner_id, content_type, width, height, size_bytes, etag, updated_at
            """)
    PhotoInfo upsert(@BindMethods("p") PhotoInfo info, byte[] bytes);

    @SqlQuery("""
            SELECT org_id, officer_id AS owner_id, content_type, width, height, size_bytes, etag, updated_at
            FROM officer_photo WHERE org_id = :orgId AND officer_id = :officerId
            """)
    Optional<PhotoInfo> findInfo(UUID orgId, UUID officerId);

    @SqlQuery("""
            SELECT org_id, officer_id AS owner_id, content_type, width, height, size_bytes, etag, updated_at, bytes
            FROM officer_photo WHERE org_id = :orgId AND officer_id = :officerId
            """)
    Optional<Photo> find(UUID orgId, UUID officerId);

    @SqlUpdate("DELETE FROM officer_photo WHERE org_id = :orgId AND officer_id = :officerId")
    int delete(UUID orgId, UUID officerId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM officer WHERE org_id = :orgId AND officer_id = :officerId)")
    boolean officerExists(UUID orgId, UUID officerId);
}
