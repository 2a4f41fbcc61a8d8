package io.rapport.server.webhook;

import io.rapport.server.score.ScoreChangeListener;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Writes deliveries for changes inside the transaction that records them, so a committed change always
 * has its deliveries and a rolled-back one never does (nothing is lost if the process dies after commit:
 * the dispatcher finds the rows). One statement per batch of changes, whatever its size.
 */
public final class WebhookOutbox implements ScoreChangeListener {
    /**
     * Purpose: one delivery per event × active subscription of the organization that asked for its type. The
     * events are the batch's tier and stage changes, and {@code relationship.ready_for_meeting} for each
     * relationship the batch made engaged or hot while at stage technoship (the condition of the
     * invite_to_meet next step) when it was not both before. The callers write the score rows before
     * recording the changes, so relationship_score holds the new tier and stage; the old ones are the
     * changes' from values (a first score starts cold, at technoship).
     */
    private static final String ENQUEUE_SCORE_CHANGES = """
            /* WebhookOutbox.enqueueScoreChanges */
            WITH batch AS (
                SELECT c.*, CASE c.kind WHEN 'tier' THEN 'score.tier_changed' ELSE 'relationship.stage_changed' END AS event_type
                FROM score_change c
                WHERE c.org_id = :orgId AND c.seq BETWEEN :firstSeq AND :lastSeq
                  -- most organizations subscribe to nothing: then nothing below is computed
                  AND EXISTS (SELECT 1 FROM webhook_subscription WHERE org_id = :orgId AND active)
            ), ready AS (
                SELECT min(b.seq) AS seq, b.relationship_id, b.officer_id, b.partner_id, r.tier, r.stage,
                       max(b.score) AS score, min(b.cause) AS cause, max(b.changed_at) AS changed_at
                FROM batch b
                JOIN relationship_score r ON r.org_id = b.org_id AND r.relationship_id = b.relationship_id
                WHERE r.tier IN ('engaged', 'hot') AND r.stage = 'technoship'
                GROUP BY b.relationship_id, b.officer_id, b.partner_id, r.tier, r.stage
                HAVING NOT (
                    CASE WHEN bool_or(b.kind = 'tier') THEN coalesce(max(b.from_value) FILTER (WHERE b.kind = 'tier'), 'cold')
                         ELSE r.tier END IN ('engaged', 'hot')
                    AND CASE WHEN bool_or(b.kind = 'stage') THEN coalesce(max(b.from_value) FILTER (WHERE b.kind = 'stage'), 'technoship')
                             ELSE r.stage END = 'technoship')
            ), events AS (
                SELECT seq, 0 AS part, event_type, changed_at,
                       jsonb_build_object('relationshipId', relationship_id, 'officerId', officer_id, 'partnerId', partner_id,
                           'from', from_value, 'to', to_value, 'score', score, 'cause', cause) AS data
                FROM batch
                UNION ALL
                SELECT seq, 1, 'relationship.ready_for_meeting', changed_at,
                       jsonb_build_object('relationshipId', relationship_id, 'officerId', officer_id, 'partnerId', partner_id,
                           'tier', tier, 'stage', stage, 'score', score, 'cause', cause)
                FROM ready
            )
            INSERT INTO webhook_delivery (org_id, subscription_id, event_type, payload, status, created_at, next_attempt_at)
            SELECT s.org_id, s.subscription_id, e.event_type,
                   jsonb_build_object(
                       'type', e.event_type,
                       'timestamp', to_char(e.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       'data', jsonb_strip_nulls(e.data)),
                   'pending', e.changed_at, e.changed_at
            FROM events e
            JOIN webhook_subscription s ON s.org_id = :orgId AND s.active AND e.event_type = ANY (s.event_types)
            ORDER BY e.seq, e.part, s.subscription_id
            """;

    /** Enqueues the feed's changes {@code firstSeq..lastSeq} of one organization, already inserted by the caller. */
    @Override
    public void onRecorded(Handle handle, UUID orgId, long firstSeq, long lastSeq) {
        handle.createUpdate(ENQUEUE_SCORE_CHANGES)
                .bind("orgId", orgId)
                .bind("firstSeq", firstSeq)
                .bind("lastSeq", lastSeq)
                .execute();
    }
}
