package io.rapport.server.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The event write path is set-based: every statement handles the whole batch through arrays. */
@RegisterConstructorMapper(Party.class)
@RegisterConstructorMapper(UsageEvent.class)
public interface EventDao {

    @SqlQuery("""
            SELECT officer_id AS id, external_id, active FROM officer
            WHERE org_id = :orgId AND (officer_id = ANY(:ids) OR external_id = ANY(:externalIds))
            """)
    List<Party> officers(UUID orgId, UUID[] ids, String[] externalIds);

    @SqlQuery("""
            SELECT partner_id AS id, external_id, active FROM partner
            WHERE org_id = :orgId AND (partner_id = ANY(:ids) OR external_id = ANY(:externalIds))
            """)
    List<Party> partners(UUID orgId, UUID[] ids, String[] externalIds);

    /**
     * Stores the events whose id is new and returns those ids; the database decides, so a repeat is
     * dropped even when it arrives at the same moment on another connection. Rows go in event-id order
     * so that two batches sharing ids take their row locks in the same order and cannot deadlock.
     */
    @SqlQuery("""
            INSERT INTO usage_event (org_id, event_id, relationship_id, officer_id, partner_id, type, occurred_at,
                                     received_at, content_id, properties)
            SELECT :orgId, e.event_id, e.relationship_id, e.officer_id, e.partner_id, e.type, e.occurred_at,
                   :receivedAt, e.content_id, e.properties
            FROM unnest(:eventIds, :relationshipIds, :officerIds, :partnerIds, :types,
                        CAST(:occurredAts AS timestamptz[]), :contentIds, CAST(:properties AS jsonb[]))
                 AS e(event_id, relationship_id, officer_id, partner_id, type, occurred_at, content_id, properties)
            ORDER BY e.event_id
            ON CONFLICT (org_id, event_id) DO NOTHING
            RETURNING event_id
            """)
    List<UUID> insert(UUID orgId, Instant receivedAt, UUID[] eventIds, UUID[] relationshipIds, UUID[] officerIds,
                      UUID[] partnerIds, String[] types, String[] occurredAts, UUID[] contentIds, String[] properties);

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
