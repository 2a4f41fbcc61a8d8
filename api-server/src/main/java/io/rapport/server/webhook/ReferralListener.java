package io.rapport.server.webhook;

import io.rapport.server.event.AcceptedEvent;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.event.AcceptedEventsListener;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * {@code referral.received}: an accepted {@code referral_sent} event writes its deliveries in the ingest
 * transaction, like score changes do, with one statement per batch. Duplicates never reach a listener, so a
 * resent event is not delivered twice; events of deactivated officers are rejected before they get here.
 */
public class ReferralListener implements AcceptedEventsListener {
    /** Purpose: one delivery per accepted referral × active subscription of the organization that asked for it. */
    private static final String ENQUEUE_REFERRALS = """
            /* ReferralListener.enqueue */
            INSERT INTO webhook_delivery (org_id, subscription_id, event_type, payload, status, created_at, next_attempt_at)
            SELECT s.org_id, s.subscription_id, 'referral.received',
                   jsonb_build_object(
                       'type', 'referral.received',
                       'timestamp', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       'data', jsonb_strip_nulls(jsonb_build_object(
                           'eventId', e.event_id, 'relationshipId', e.relationship_id, 'officerId', e.officer_id,
                           'partnerId', e.partner_id, 'properties', CAST(:properties AS jsonb) -> (CAST(e.n AS int) - 1)))),
                   'pending', CAST(:now AS timestamptz), CAST(:now AS timestamptz)
            FROM unnest(:eventIds, :relationshipIds, :officerIds, :partnerIds, CAST(:occurredAts AS timestamptz[]))
                 WITH ORDINALITY AS e(event_id, relationship_id, officer_id, partner_id, occurred_at, n)
            JOIN webhook_subscription s ON s.org_id = :orgId AND s.active AND 'referral.received' = ANY (s.event_types)
            ORDER BY e.n, s.subscription_id
            """;
    private static final String REFERRAL_SENT = "referral_sent";
    private final Clock clock;

    public ReferralListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onAccepted(Handle handle, UUID orgId, List<AcceptedEvent> events) {
        List<AcceptedEvent> referrals = events.stream().filter(e -> REFERRAL_SENT.equals(e.type())).toList();
        if (referrals.isEmpty()) {
            return;
        }
        handle.createUpdate(ENQUEUE_REFERRALS)
                .bind("orgId", orgId)
                .bind("now", Timestamps.now(clock))
                .bind("eventIds", referrals.stream().map(AcceptedEvent::eventId).toArray(UUID[]::new))
                .bind("relationshipIds", referrals.stream().map(AcceptedEvent::relationshipId).toArray(UUID[]::new))
                .bind("officerIds", referrals.stream().map(AcceptedEvent::officerId).toArray(UUID[]::new))
                .bind("partnerIds", referrals.stream().map(AcceptedEvent::partnerId).toArray(UUID[]::new))
                .bind("occurredAts", referrals.stream().map(e -> e.occurredAt().toString()).toArray(String[]::new))
                // one jsonb array, not a text[]: PgJDBC escapes text arrays character by character
                .bind("properties", referrals.stream()
                        .map(e -> e.propertiesJson() == null ? "null" : e.propertiesJson())
                        .collect(Collectors.joining(",", "[", "]")))
                .execute();
    }
}
