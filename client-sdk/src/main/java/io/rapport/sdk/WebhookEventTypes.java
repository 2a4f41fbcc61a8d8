package io.rapport.sdk;

/**
 * The values {@code WebhookSubscriptionInput.eventTypes} accepts and {@code WebhookEvent.type} carries.
 * Any other value is refused with 422 {@code unknown_event_type}.
 */
public final class WebhookEventTypes {
    /** A relationship's tier moved (cold, warming, engaged, hot), by an event, by time alone or by a rescore. */
    public static final String TIER_CHANGED = "score.tier_changed";
    /** A relationship's stage moved (technoship, relationship, trusted, advocate). */
    public static final String STAGE_CHANGED = "relationship.stage_changed";
    /**
     * A relationship has just become engaged or hot while still at stage technoship: clearly interested, never
     * met, time to suggest a coffee (the {@code invite_to_meet} next step, unless interest is already cooling).
     */
    public static final String READY_FOR_MEETING = "relationship.ready_for_meeting";
    /** A partner sent a referral: a {@code referral_sent} usage event was accepted (its id and properties are in the data). */
    public static final String REFERRAL_RECEIVED = "referral.received";

    private WebhookEventTypes() {
    }
}
