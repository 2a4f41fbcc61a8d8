package io.rapport.server.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(ContentUsage.class)
public interface ContentStatsDao {

    /**
     * Empty only when the item is not the organization's; an unused item has zero figures. Erased partners'
     * activity counts too, from its anonymous copy (privacy.ErasureService; each erased partner is one subject).
     */
    @SqlQuery("""
            SELECT c.content_id, c.kind, c.title,
                   count(e.type) FILTER (WHERE e.type = 'content_viewed')  AS views,
                   count(e.type) FILTER (WHERE e.type = 'content_shared')  AS shares,
                   count(e.type) FILTER (WHERE e.type = 'calculator_used') AS calculator_uses,
                   count(DISTINCT e.subject)                               AS unique_partners
            FROM content_item c
            LEFT JOIN (
                SELECT type, partner_id AS subject FROM usage_event
                WHERE org_id = :orgId AND content_id = :contentId AND occurred_at >= :from AND occurred_at < :to
                  AND type IN ('content_viewed', 'content_shared', 'calculator_used')
                UNION ALL
                SELECT type, subject FROM erased_activity
                WHERE org_id = :orgId AND content_id = :contentId AND occurred_at >= :from AND occurred_at < :to
                  AND type IN ('content_viewed', 'content_shared', 'calculator_used')
            ) e ON true
            WHERE c.org_id = :orgId AND c.content_id = :contentId
            GROUP BY c.content_id, c.kind, c.title
            """)
    Optional<ContentUsage> forItem(UUID orgId, UUID contentId, Instant from, Instant to);

    /** Erased partners' activity counts too, from its anonymous copy. */
    @SqlQuery("""
            SELECT c.content_id, c.kind, c.title,
                   count(*) FILTER (WHERE e.type = 'content_viewed')  AS views,
                   count(*) FILTER (WHERE e.type = 'content_shared')  AS shares,
                   count(*) FILTER (WHERE e.type = 'calculator_used') AS calculator_uses,
                   count(DISTINCT e.subject)                          AS unique_partners
            FROM (
                SELECT content_id, type, partner_id AS subject FROM usage_event
                WHERE org_id = :orgId AND officer_id = :officerId AND content_id IS NOT NULL
                  AND occurred_at >= :from AND occurred_at < :to
                  AND type IN ('content_viewed', 'content_shared', 'calculator_used')
                UNION ALL
                SELECT content_id, type, subject FROM erased_activity
                WHERE org_id = :orgId AND officer_id = :officerId AND content_id IS NOT NULL
                  AND occurred_at >= :from AND occurred_at < :to
                  AND type IN ('content_viewed', 'content_shared', 'calculator_used')
            ) e
            JOIN content_item c ON c.org_id = :orgId AND c.content_id = e.content_id
            GROUP BY c.content_id, c.kind, c.title
            ORDER BY views DESC, shares DESC, c.content_id
            """)
    List<ContentUsage> forOfficer(UUID orgId, UUID officerId, Instant from, Instant to);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM officer WHERE org_id = :orgId AND officer_id = :officerId)")
    boolean officerExists(UUID orgId, UUID officerId);
}
