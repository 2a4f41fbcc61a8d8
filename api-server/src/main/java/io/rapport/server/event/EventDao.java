package io.rapport.server.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/** The event write path is set-based: every statement handles the whole batch through arrays. */
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

    /**
     * The officers and partners a batch names, by id or external id, and the relationships that already
     * exist between the pairs its events name (each pair as its events name it: officer by id or external id,
     * partner likewise), in one round trip: most batches name known pairs, and then this is the only
     * statement before the insert.
     */
    @SqlQuery("""
            WITH o AS (
                SELECT officer_id AS id, external_id, active FROM officer
                WHERE org_id = :orgId AND (officer_id = ANY(:officerIds) OR external_id = ANY(:officerExternalIds))
            ), p AS (
                SELECT partner_id AS id, external_id, active FROM partner
                WHERE org_id = :orgId AND (partner_id = ANY(:partnerIds) OR external_id = ANY(:partnerExternalIds))
            ), pair AS (
                SELECT DISTINCT o.id AS officer_id, p.id AS partner_id
                FROM unnest(:pairOfficerIds, :pairOfficerExternalIds, :pairPartnerIds, :pairPartnerExternalIds)
                     AS x(officer_id, officer_external_id, partner_id, partner_external_id)
                JOIN o ON o.id = x.officer_id OR o.external_id = x.officer_external_id
                JOIN p ON p.id = x.partner_id OR p.external_id = x.partner_external_id
            )
            SELECT 'officer' AS kind, id, external_id, active, NULL::uuid AS officer_id, NULL::uuid AS partner_id FROM o
            UNION ALL
            SELECT 'partner', id, external_id, active, NULL, NULL FROM p
            UNION ALL
            SELECT 'relationship', r.relationship_id, NULL, true, r.officer_id, r.partner_id
            FROM pair JOIN relationship r
              ON r.org_id = :orgId AND r.officer_id = pair.officer_id AND r.partner_id = pair.partner_id
            """)
    @UseRowMapper(Known.Mapper.class)
    List<Known> known(UUID orgId, UUID[] officerIds, String[] officerExternalIds, UUID[] partnerIds,
                      String[] partnerExternalIds, UUID[] pairOfficerIds, String[] pairOfficerExternalIds,
                      UUID[] pairPartnerIds, String[] pairPartnerExternalIds);

    /**
     * Stores the events whose id is new and returns those ids; the database decides, so a repeat is
     * dropped even when it arrives at the same moment on another connection. Rows go in event-id order
     * so that two batches sharing ids take their row locks in the same order and cannot deadlock.
     * Times come as epoch microseconds and the properties as one JSON array (JSON null for none): as
     * text arrays, the driver escaped every character of them, a sixth of the server's CPU per batch.
     */
    @SqlQuery("""
            INSERT INTO usage_event (org_id, event_id, relationship_id, officer_id, partner_id, type, occurred_at,
                                     received_at, content_id, properties)
            SELECT :orgId, e.event_id, e.relationship_id, e.officer_id, e.partner_id, e.type,
                   TIMESTAMPTZ 'epoch' + e.occurred_micros * INTERVAL '1 microsecond',
                   :receivedAt, e.content_id, NULLIF(p.properties, 'null'::jsonb)
            FROM unnest(:eventIds, :relationshipIds, :officerIds, :partnerIds, :types, :occurredMicros, :contentIds)
                 WITH ORDINALITY AS e(event_id, relationship_id, officer_id, partner_id, type, occurred_micros,
                                      content_id, n)
            JOIN jsonb_array_elements(CAST(:properties AS jsonb)) WITH ORDINALITY AS p(properties, n) ON p.n = e.n
            ORDER BY e.event_id
            ON CONFLICT (org_id, event_id) DO NOTHING
            RETURNING event_id
            """)
    List<UUID> insert(UUID orgId, Instant receivedAt, UUID[] eventIds, UUID[] relationshipIds, UUID[] officerIds,
                      UUID[] partnerIds, String[] types, Long[] occurredMicros, UUID[] contentIds, String properties);

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
