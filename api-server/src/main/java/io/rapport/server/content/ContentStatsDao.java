package io.rapport.server.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(ContentUsage.class)
public interface ContentStatsDao {

    /** Empty only when the item is not the organization's; an unused item has zero figures. */
    @SqlQuery("""
            SELECT c.content_id, c.kind, c.title,
                   count(e.event_id) FILTER (WHERE e.type = 'content_viewed')  AS views,
                   count(e.event_id) FILTER (WHERE e.type = 'content_shared')  AS shares,
                   count(e.event_id) FILTER (WHERE e.type = 'calculator_used') AS calculator_uses,
                   count(DISTINCT e.partner_id)                                AS unique_partners
            FROM content_item c
            LEFT JOIN usage_event e
                   ON e.org_id = c.org_id AND e.content_id = c.content_id
                  AND e.occurred_at >= :from AND e.occurred_at < :to
                  AND e.type IN ('content_viewed', 'content_shared', 'calculator_used')
            WHERE c.org_id = :orgId AND c.content_id = :contentId
            GROUP BY c.content_id, c.kind, c.title
            """)
    Optional<ContentUsage> forItem(UUID orgId, UUID contentId, Instant from, Instant to);

    @SqlQuery("""
            SELECT c.content_id, c.kind, c.title,
                   count(*) FILTER (WHERE e.type = 'content_viewed')  AS views,
                   count(*) FILTER (WHERE e.type = 'content_shared')  AS shares,
                   count(*) FILTER (WHERE e.type = 'calculator_used') AS calculator_uses,
                   count(DISTINCT e.partner_id)                       AS unique_partners
            FROM usage_event e
            JOIN content_item c ON c.org_id = e.org_id AND c.content_id = e.content_id
            WHERE e.org_id = :orgId AND e.officer_id = :officerId AND e.content_id IS NOT NULL
              AND e.occurred_at >= :from AND e.occurred_at < :to
              AND e.type IN ('content_viewed', 'content_shared', 'calculator_used')
            GROUP BY c.content_id, c.kind, c.title
            ORDER BY views DESC, shares DESC, c.content_id
            """)
    List<ContentUsage> forOfficer(UUID orgId, UUID officerId, Instant from, Instant to);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM officer WHERE org_id = :orgId AND officer_id = :officerId)")
    boolean officerExists(UUID orgId, UUID officerId);
}
