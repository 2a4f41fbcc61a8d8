package io.rapport.server.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Officers and partners for app installs, and the timelines; the ingest statements are {@link IngestStatements}. */
@RegisterConstructorMapper(Party.class)
@RegisterConstructorMapper(UsageEvent.class)
public interface EventDao {

    /** The officers and partners a batch names, by id or external id, in one round trip. */
    @SqlQuery("""
            SELECT 'officer' AS kind, officer_id AS id, external_id, active FROM officer
            WHERE org_id = :orgId AND (officer_id = ANY(:officerIds) OR external_id = ANY(:officerExternalIds))
            UNION ALL
            SELECT 'partner' AS kind, partner_id AS id, external_id, active FROM partner
            WHERE org_id = :orgId AND (partner_id = ANY(:partnerIds) OR external_id = ANY(:partnerExternalIds))
            """)
    List<Party> parties(UUID orgId, UUID[] officerIds, String[] officerExternalIds, UUID[] partnerIds,
                        String[] partnerExternalIds);

    // The two timelines differ only in their first predicate, and stay two statements on purpose: each
    // then has a fixed plan on its own index, where one "relationship or partner" query would not.
    @SqlQuery("""
            SELECT event_id, relationship_id, officer_id, partner_id, type, occurred_at, received_at, content_id,
                   properties::text AS properties_json
            FROM usage_event
            WHERE org_id = :orgId AND relationship_id = :relationshipId
              AND (CAST(:type AS text) IS NULL OR type = :type)
              AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (occurred_at, event_id) < (:afterAt, :afterId))
            ORDER BY occurred_at DESC, event_id DESC
            LIMIT :limit
            """)
    List<UsageEvent> relationshipTimeline(UUID orgId, UUID relationshipId, String type, Instant from, Instant to,
                                          Instant afterAt, UUID afterId, int limit);

    @SqlQuery("""
            SELECT event_id, relationship_id, officer_id, partner_id, type, occurred_at, received_at, content_id,
                   properties::text AS properties_json
            FROM usage_event
            WHERE org_id = :orgId AND partner_id = :partnerId
              AND (CAST(:type AS text) IS NULL OR type = :type)
              AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (occurred_at, event_id) < (:afterAt, :afterId))
            ORDER BY occurred_at DESC, event_id DESC
            LIMIT :limit
            """)
    List<UsageEvent> partnerTimeline(UUID orgId, UUID partnerId, String type, Instant from, Instant to,
                                     Instant afterAt, UUID afterId, int limit);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM partner WHERE org_id = :orgId AND partner_id = :partnerId)")
    boolean partnerExists(UUID orgId, UUID partnerId);
}
