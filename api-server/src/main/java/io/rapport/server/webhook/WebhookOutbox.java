package io.rapport.server.webhook;

import io.rapport.server.score.RecordedChanges.ReadyForMeeting;
import io.rapport.server.score.RecordedChanges;
import io.rapport.server.score.ScoreChangeListener;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Writes deliveries for what scoring recorded inside the transaction that records it, so a committed change
 * always has its deliveries and a rolled-back one never does (nothing is lost if the process dies after
 * commit: the dispatcher finds the rows). At most one statement for the feed's changes and one for the
 * partners made ready for a meeting, whatever the batch's size.
 */
public final class WebhookOutbox implements ScoreChangeListener {
    /** Most organizations subscribe to nothing: then nothing below is computed. */
    private static final String SUBSCRIBED = "EXISTS (SELECT 1 FROM webhook_subscription WHERE org_id = :orgId AND active)";

    private static final String INSERT_DELIVERIES = """
            INSERT INTO webhook_delivery (org_id, subscription_id, event_type, payload, status, created_at, next_attempt_at)
            SELECT s.org_id, s.subscription_id, e.event_type,
                   jsonb_build_object(
                       'type', e.event_type,
                       'timestamp', to_char(e.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       'data', jsonb_strip_nulls(e.data)),
                   'pending', e.changed_at, e.changed_at
            FROM events e
            JOIN webhook_subscription s ON s.org_id = :orgId AND s.active AND e.event_type = ANY (s.event_types)
            """;

    /** Purpose: one delivery per tier or stage change × active subscription that asked for its type. */
    private static final String ENQUEUE_SCORE_CHANGES = """
            /* WebhookOutbox.enqueueScoreChanges */
            WITH events AS (
                SELECT c.seq, CASE c.kind WHEN 'tier' THEN 'score.tier_changed' ELSE 'relationship.stage_changed' END
                           AS event_type, c.changed_at,
                       jsonb_build_object('relationshipId', c.relationship_id, 'officerId', c.officer_id,
                           'partnerId', c.partner_id, 'from', c.from_value, 'to', c.to_value, 'score', c.score,
                           'cause', c.cause) AS data
                FROM score_change c
                WHERE c.org_id = :orgId AND c.seq BETWEEN :firstSeq AND :lastSeq AND\s""" + SUBSCRIBED + """

            )
            """ + INSERT_DELIVERIES + "ORDER BY e.seq, s.subscription_id";

    /**
     * Purpose: one {@code relationship.ready_for_meeting} delivery per partner an event made ready × subscription
     * that asked for it. Who is ready is decided in Java, by the rule the next step uses.
     */
    private static final String ENQUEUE_READY = """
            /* WebhookOutbox.enqueueReadyForMeeting */
            WITH events AS (
                SELECT r.ord AS seq, 'relationship.ready_for_meeting' AS event_type, CAST(:at AS timestamptz) AS changed_at,
                       jsonb_build_object('relationshipId', r.relationship_id, 'officerId', r.officer_id,
                           'partnerId', r.partner_id, 'tier', r.tier, 'stage', r.stage, 'score', r.score,
                           'cause', r.cause) AS data
                FROM unnest(CAST(:relationshipIds AS uuid[]), CAST(:officerIds AS uuid[]), CAST(:partnerIds AS uuid[]),
                            CAST(:tiers AS text[]), CAST(:stages AS text[]), CAST(:scores AS int[]), CAST(:causes AS text[]))
                     WITH ORDINALITY AS r(relationship_id, officer_id, partner_id, tier, stage, score, cause, ord)
                WHERE\s""" + SUBSCRIBED + """

            )
            """ + INSERT_DELIVERIES + "ORDER BY e.seq, s.subscription_id";


    @Override
    public void onRecorded(Handle handle, UUID orgId, RecordedChanges recorded) {
        if (recorded.hasFeedEntries()) {
            handle.createUpdate(ENQUEUE_SCORE_CHANGES)
                    .bind("orgId", orgId)
                    .bind("firstSeq", recorded.firstSeq())
                    .bind("lastSeq", recorded.lastSeq())
                    .execute();
        }
        if (!recorded.readyForMeeting().isEmpty()) {
            enqueueReady(handle, orgId, recorded.readyForMeeting(), recorded.at());
        }
    }

    private static void enqueueReady(Handle handle, UUID orgId, List<ReadyForMeeting> ready, Instant at) {
        handle.createUpdate(ENQUEUE_READY)
                .bind("orgId", orgId)
                .bind("at", at)
                .bind("relationshipIds", ready.stream().map(ReadyForMeeting::relationshipId).toArray(UUID[]::new))
                .bind("officerIds", ready.stream().map(ReadyForMeeting::officerId).toArray(UUID[]::new))
                .bind("partnerIds", ready.stream().map(ReadyForMeeting::partnerId).toArray(UUID[]::new))
                .bind("tiers", ready.stream().map(ReadyForMeeting::tier).toArray(String[]::new))
                .bind("stages", ready.stream().map(ReadyForMeeting::stage).toArray(String[]::new))
                .bind("scores", ready.stream().map(ReadyForMeeting::score).toArray(Integer[]::new))
                .bind("causes", ready.stream().map(ReadyForMeeting::cause).toArray(String[]::new))
                .execute();
    }
}
