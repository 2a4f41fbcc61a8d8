package io.rapport.server.content;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(PhotoInfo.class)
@RegisterConstructorMapper(Photo.class)
public interface PartnerLogoDao {

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM partner WHERE org_id = :orgId AND partner_id = :partnerId)")
    boolean partnerExists(UUID orgId, UUID partnerId);

    @SqlQuery("""
            INSERT INTO partner_logo (org_id, partner_id, content_type, width, height, size_bytes, etag, bytes, updated_at)
            VALUES (:p.orgId, :p.ownerId, :p.contentType, :p.width, :p.height, :p.sizeBytes, :p.etag, :bytes, :p.updatedAt)
            ON CONFLICT (org_id, partner_id) DO UPDATE
               SET content_type = EXCLUDED.content_type, width = EXCLUDED.width, height = EXCLUDED.height,
                   size_bytes = EXCLUDED.size_bytes, etag = EXCLUDED.etag, bytes = EXCLUDED.bytes,
                   updated_at = EXCLUDED.updated_at
            RETURNING org_id, partner_id AS owner_id, content_type, width, height, size_bytes, etag, updated_at
            """)
    PhotoInfo upsert(@BindMethods("p") PhotoInfo info, byte[] bytes);

    @SqlQuery("""
            SELECT org_id, partner_id AS owner_id, content_type, width, height, size_bytes, etag, updated_at
            FROM partner_logo WHERE org_id = :orgId AND partner_id = :partnerId
            """)
    Optional<PhotoInfo> findInfo(UUID orgId, UUID partnerId);

    @SqlQuery("""
            SELECT org_id, partner_id AS owner_id, content_type, width, height, size_bytes, etag, updated_at, bytes
            FROM partner_logo WHERE org_id = :orgId AND partner_id = :partnerId
            """)
    Optional<Photo> find(UUID orgId, UUID partnerId);

    @SqlUpdate("DELETE FROM partner_logo WHERE org_id = :orgId AND partner_id = :partnerId")
    int delete(UUID orgId, UUID partnerId);
}
