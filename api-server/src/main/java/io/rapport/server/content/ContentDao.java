package io.rapport.server.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(ContentItem.class)
public interface ContentDao {

    @SqlQuery("""
            INSERT INTO content_item (org_id, content_id, kind, title, summary, body, url, image_url, parameters,
                                      status, publish_at, expire_at, audience_partner_types, audience_branch_ids,
                                      audience_officer_ids, tags, version, created_at, updated_at)
            VALUES (:orgId, :contentId, :d.kind, :d.title, :d.summary, :d.body, :d.url, :d.imageUrl,
                    CAST(:d.parameters AS jsonb), 'draft', :d.publishAt, :d.expireAt, :d.partnerTypeArray,
                    :d.branchIdArray, :d.officerIdArray, :d.tagArray, 1, :now, :now)
            RETURNING *
            """)
    ContentItem insert(UUID orgId, UUID contentId, @BindMethods("d") ContentDraft draft, Instant now);

    @SqlQuery("SELECT * FROM content_item WHERE org_id = :orgId AND content_id = :contentId")
    Optional<ContentItem> find(UUID orgId, UUID contentId);

    /** The row to change, locked so that the version check and the write see the same version. */
    @SqlQuery("SELECT * FROM content_item WHERE org_id = :orgId AND content_id = :contentId FOR UPDATE")
    Optional<ContentItem> lock(UUID orgId, UUID contentId);

    @SqlQuery("""
            SELECT * FROM content_item
            WHERE org_id = :orgId
              AND (CAST(:after AS uuid) IS NULL OR content_id > :after)
              AND (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:kind AS text) IS NULL OR kind = :kind)
              AND (CAST(:tag AS text) IS NULL OR :tag = ANY (tags))
            ORDER BY content_id
            LIMIT :limit
            """)
    List<ContentItem> list(UUID orgId, UUID after, String status, String kind, String tag, int limit);

    @SqlQuery("""
            UPDATE content_item
               SET kind = :d.kind, title = :d.title, summary = :d.summary, body = :d.body, url = :d.url,
                   image_url = :d.imageUrl, parameters = CAST(:d.parameters AS jsonb), publish_at = :d.publishAt,
                   expire_at = :d.expireAt, audience_partner_types = :d.partnerTypeArray,
                   audience_branch_ids = :d.branchIdArray, audience_officer_ids = :d.officerIdArray,
                   tags = :d.tagArray, version = version + 1, updated_at = :now
            WHERE org_id = :orgId AND content_id = :contentId
            RETURNING *
            """)
    ContentItem update(UUID orgId, UUID contentId, @BindMethods("d") ContentDraft draft, Instant now);

    @SqlQuery("""
            UPDATE content_item
               SET status = :status, version = version + 1, updated_at = :now,
                   published_at = CASE WHEN :status = 'published' THEN CAST(:now AS timestamptz) ELSE published_at END,
                   archived_at = CASE WHEN :status = 'archived' THEN CAST(:now AS timestamptz) ELSE archived_at END
            WHERE org_id = :orgId AND content_id = :contentId
            RETURNING *
            """)
    ContentItem moveTo(UUID orgId, UUID contentId, String status, Instant now);

    /** The ids among {@code ids} that are not branches of the organization. */
    @SqlQuery("""
            SELECT id FROM unnest(CAST(:ids AS uuid[])) AS id
            WHERE NOT EXISTS (SELECT 1 FROM branch b WHERE b.org_id = :orgId AND b.branch_id = id)
            """)
    List<UUID> unknownBranches(UUID orgId, UUID[] ids);

    /** The ids among {@code ids} that are not officers of the organization. */
    @SqlQuery("""
            SELECT id FROM unnest(CAST(:ids AS uuid[])) AS id
            WHERE NOT EXISTS (SELECT 1 FROM officer o WHERE o.org_id = :orgId AND o.officer_id = id)
            """)
    List<UUID> unknownOfficers(UUID orgId, UUID[] ids);

    /** The ids among {@code ids} that are content items of the organization. */
    @SqlQuery("SELECT content_id FROM content_item WHERE org_id = :orgId AND content_id = ANY (:ids)")
    List<UUID> existing(UUID orgId, UUID[] ids);
}
