package io.rapport.server.webhook;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Writes deliveries for changes inside the transaction that records them, so a committed change always
 * has its deliveries and a rolled-back one never does (nothing is lost if the process dies after commit:
 * the dispatcher finds the rows). One statement per batch of changes, whatever its size.
 */
public final class WebhookOutbox {
    /** Purpose: one delivery per change × active subscription of its organization that asked for its type. */
    private static final String ENQUEUE_SCORE_CHANGES = """
            /* WebhookOutbox.enqueueScoreChanges */
            INSERT INTO webhook_delivery (org_id, subscription_id, event_type, payload, status, created_at, next_attempt_at)
            SELECT s.org_id, s.subscription_id, t.event_type,
                   jsonb_build_object(
                       'type', t.event_type,
                       'timestamp', to_char(c.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       'data', jsonb_strip_nulls(jsonb_build_object(
                           'relationshipId', c.relationship_id, 'officerId', c.officer_id, 'partnerId', c.partner_id,
                           'from', c.from_value, 'to', c.to_value, 'score', c.score, 'cause', c.cause))),
                   'pending', c.changed_at, c.changed_at
            FROM score_change c
            CROSS JOIN LATERAL (SELECT CASE c.kind WHEN 'tier' THEN 'score.tier_changed'
                                                   ELSE 'relationship.stage_changed' END AS event_type) t
            JOIN webhook_subscription s ON s.org_id = c.org_id AND s.active AND t.event_type = ANY (s.event_types)
            WHERE c.org_id = :orgId AND c.seq BETWEEN :firstSeq AND :lastSeq
            ORDER BY c.seq, s.subscription_id
            """;

    private WebhookOutbox() {
    }

    /** Enqueues the feed's changes {@code firstSeq..lastSeq} of one organization, already inserted by the caller. */
    public static void enqueueScoreChanges(Handle handle, UUID orgId, long firstSeq, long lastSeq) {
        handle.createUpdate(ENQUEUE_SCORE_CHANGES)
                .bind("orgId", orgId)
                .bind("firstSeq", firstSeq)
                .bind("lastSeq", lastSeq)
                .execute();
    }
}
