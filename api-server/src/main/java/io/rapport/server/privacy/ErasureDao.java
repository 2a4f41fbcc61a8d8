package io.rapport.server.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements of one erasure, all in its transaction. Lock order (DEVELOPERS.md): the organization's scoring
 * model row FOR SHARE (as ingest takes it; it waits for a rescore step, which holds it FOR UPDATE and may create
 * score rows of the partner's relationships), the partner row, its relationship rows, then their score rows, each in
 * id order. Ingest takes the relationship rows' key-share locks before it locks score rows, so an erasure waits for
 * batches already writing for the partner and blocks the ones that come after (they fail their foreign-key check
 * once it commits, and are retried; see EventIngestService).
 */
public interface ErasureDao {

    /** The model row, if the organization has one (none: defaults, and nothing to wait for). */
    @SqlQuery("SELECT version FROM scoring_model WHERE org_id = :orgId FOR SHARE")
    Optional<Integer> shareModel(UUID orgId);

    /** The partner's external id (null when it has none); empty when there is no such partner. */
    @SqlQuery("""
            SELECT coalesce(external_id, '') FROM partner WHERE org_id = :orgId AND partner_id = :partnerId
            FOR UPDATE
            """)
    Optional<String> lockPartner(UUID orgId, UUID partnerId);

    @SqlQuery("SELECT erased_at FROM partner_tombstone WHERE org_id = :orgId AND partner_id = :partnerId")
    Optional<Instant> erasedAt(UUID orgId, UUID partnerId);

    /** Only a hash of the external id is kept: enough to recognise it in a later event, not to read it back. */
    @SqlUpdate("""
            INSERT INTO partner_tombstone (org_id, partner_id, external_id_hash, erased_at)
            SELECT org_id, partner_id, sha256(convert_to(external_id, 'UTF8')), :now
            FROM partner WHERE org_id = :orgId AND partner_id = :partnerId
            ON CONFLICT (org_id, partner_id) DO NOTHING
            """)
    void tombstone(UUID orgId, UUID partnerId, Instant now);

    @SqlQuery("""
            SELECT relationship_id FROM relationship WHERE org_id = :orgId AND partner_id = :partnerId
            ORDER BY relationship_id FOR UPDATE
            """)
    List<UUID> lockRelationships(UUID orgId, UUID partnerId);

    /** In id order, as ScoreUpdater locks them, so the two cannot deadlock. */
    @SqlQuery("""
            SELECT relationship_id FROM relationship_score WHERE org_id = :orgId AND relationship_id = ANY(:relationshipIds)
            ORDER BY relationship_id FOR UPDATE
            """)
    List<UUID> lockScores(UUID orgId, UUID[] relationshipIds);

    /**
     * The events branch, organization and content statistics count, kept without the partner: officer, type,
     * time and content item only, under one random {@code subject} per erasure.
     */
    @SqlUpdate("""
            INSERT INTO erased_activity (org_id, officer_id, subject, type, occurred_at, content_id)
            SELECT org_id, officer_id, :subject, type, occurred_at, content_id FROM usage_event
            WHERE org_id = :orgId AND partner_id = :partnerId
              AND (type IN ('referral_sent', 'meeting_logged')
                   OR (content_id IS NOT NULL AND type IN ('content_viewed', 'content_shared', 'calculator_used')))
            """)
    int keepActivity(UUID orgId, UUID partnerId, UUID subject);

    @SqlUpdate("""
            INSERT INTO erased_tier_move (org_id, officer_id, from_value, to_value, changed_at)
            SELECT org_id, officer_id, from_value, to_value, changed_at FROM score_change
            WHERE org_id = :orgId AND relationship_id = ANY(:relationshipIds) AND kind = 'tier'
            """)
    int keepTierMoves(UUID orgId, UUID[] relationshipIds);

    @SqlUpdate("DELETE FROM usage_event WHERE org_id = :orgId AND partner_id = :partnerId")
    int deleteEvents(UUID orgId, UUID partnerId);

    /** Pending ones are dropped unsent; finished ones go too (their payload names the partner). Attempts by cascade. */
    @SqlUpdate("""
            DELETE FROM webhook_delivery
            WHERE org_id = :orgId AND payload -> 'data' ->> 'partnerId' = CAST(:partnerId AS text)
            """)
    int deleteDeliveries(UUID orgId, UUID partnerId);

    /** Stored create responses (replayed for 24 h) that contain the partner's id. */
    @SqlUpdate("""
            DELETE FROM idempotency_key
            WHERE org_id = :orgId AND response_body IS NOT NULL
              AND position(convert_to(CAST(:partnerId AS text), 'UTF8') IN response_body) > 0
            """)
    int deleteStoredResponses(UUID orgId, UUID partnerId);

    @SqlUpdate("DELETE FROM score_change WHERE org_id = :orgId AND relationship_id = ANY(:relationshipIds)")
    int deleteScoreChanges(UUID orgId, UUID[] relationshipIds);

    @SqlUpdate("DELETE FROM relationship_score WHERE org_id = :orgId AND relationship_id = ANY(:relationshipIds)")
    int deleteScores(UUID orgId, UUID[] relationshipIds);

    @SqlUpdate("DELETE FROM app_install WHERE org_id = :orgId AND relationship_id = ANY(:relationshipIds)")
    int deleteInstalls(UUID orgId, UUID[] relationshipIds);

    @SqlUpdate("DELETE FROM relationship WHERE org_id = :orgId AND relationship_id = ANY(:relationshipIds)")
    int deleteRelationships(UUID orgId, UUID[] relationshipIds);

    @SqlUpdate("DELETE FROM partner_logo WHERE org_id = :orgId AND partner_id = :partnerId")
    int deleteLogo(UUID orgId, UUID partnerId);

    @SqlUpdate("DELETE FROM partner WHERE org_id = :orgId AND partner_id = :partnerId")
    int deletePartner(UUID orgId, UUID partnerId);
}
