package io.rapport.server.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(ContentItem.class)
public interface FeedDao {

    /**
     * The items one partner may see now: published, inside their window, and within every audience
     * list that is not empty. A partner whose officer has no branch matches no branch list.
     */
    @SqlQuery("""
            SELECT * FROM content_item
            WHERE org_id = :orgId AND status = 'published'
              AND (publish_at IS NULL OR publish_at <= :now)
              AND (expire_at IS NULL OR :now < expire_at)
              AND (cardinality(audience_partner_types) = 0 OR :partnerType = ANY (audience_partner_types))
              AND (cardinality(audience_branch_ids) = 0 OR CAST(:branchId AS uuid) = ANY (audience_branch_ids))
              AND (cardinality(audience_officer_ids) = 0 OR :officerId = ANY (audience_officer_ids))
            ORDER BY COALESCE(publish_at, published_at) DESC, content_id DESC
            LIMIT :limit
            """)
    List<ContentItem> visible(UUID orgId, Instant now, String partnerType, UUID branchId, UUID officerId, int limit);
}
