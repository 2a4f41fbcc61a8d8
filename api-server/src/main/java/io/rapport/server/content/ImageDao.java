package io.rapport.server.content;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Stored images of every {@link ImageSlot}; {@code table}, {@code ownerTable} and {@code owner} come
 * from the slot (constants of ours, never client input).
 */
@RegisterConstructorMapper(PhotoInfo.class)
@RegisterConstructorMapper(Photo.class)
public interface ImageDao {

    @SqlQuery("""
            INSERT INTO <table> (org_id, <owner>, content_type, width, height, size_bytes, etag, bytes, updated_at)
            VALUES (:p.orgId, :p.ownerId, :p.contentType, :p.width, :p.height, :p.sizeBytes, :p.etag, :bytes, :p.updatedAt)
            ON CONFLICT (org_id, <owner>) DO UPDATE
               SET content_type = EXCLUDED.content_type, width = EXCLUDED.width, height = EXCLUDED.height,
                   size_bytes = EXCLUDED.size_bytes, etag = EXCLUDED.etag, bytes = EXCLUDED.bytes,
                   updated_at = EXCLUDED.updated_at
            RETURNING org_id, <owner> AS owner_id, content_type, width, height, size_bytes, etag, updated_at
            """)
    PhotoInfo upsert(@Define("table") String table, @Define("owner") String owner,
                     @BindMethods("p") PhotoInfo info, byte[] bytes);

    @SqlQuery("""
            SELECT org_id, <owner> AS owner_id, content_type, width, height, size_bytes, etag, updated_at
            FROM <table> WHERE org_id = :orgId AND <owner> = :ownerId
            """)
    Optional<PhotoInfo> findInfo(@Define("table") String table, @Define("owner") String owner, UUID orgId, UUID ownerId);

    @SqlQuery("""
            SELECT org_id, <owner> AS owner_id, content_type, width, height, size_bytes, etag, updated_at, bytes
            FROM <table> WHERE org_id = :orgId AND <owner> = :ownerId
            """)
    Optional<Photo> find(@Define("table") String table, @Define("owner") String owner, UUID orgId, UUID ownerId);

    @SqlUpdate("DELETE FROM <table> WHERE org_id = :orgId AND <owner> = :ownerId")
    int delete(@Define("table") String table, @Define("owner") String owner, UUID orgId, UUID ownerId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM <ownerTable> WHERE org_id = :orgId AND <owner> = :ownerId)")
    boolean ownerExists(@Define("ownerTable") String ownerTable, @Define("owner") String owner, UUID orgId, UUID ownerId);

    /** Points the officer's card at its new photo (or none); 0 rows means no such officer in this organization. */
    @SqlUpdate("""
            UPDATE officer SET photo_etag = :etag, updated_at = :now
            WHERE org_id = :orgId AND officer_id = :officerId
            """)
    int markOfficer(UUID orgId, UUID officerId, String etag, Instant now);
}
