package io.rapport.sdk;

/**
 * The event catalogue: the values {@code UsageEventInput.type} accepts. An event of any other type is
 * rejected by the server with the code {@code unknown_event_type} (its neighbours in the batch are not
 * affected).
 */
public final class EventTypes {
    /** The {@code app_installed} event type. */
    public static final String APP_INSTALLED = "app_installed";
    /** The {@code app_opened} event type. */
    public static final String APP_OPENED = "app_opened";
    /** The {@code profile_viewed} event type. */
    public static final String PROFILE_VIEWED = "profile_viewed";
    /** The {@code content_viewed} event type. */
    public static final String CONTENT_VIEWED = "content_viewed";
    /** The {@code content_shared} event type. */
    public static final String CONTENT_SHARED = "content_shared";
    /** The {@code calculator_used} event type. */
    public static final String CALCULATOR_USED = "calculator_used";
    /** The partner shared the officer's card with a client. */
    public static final String CARD_SHARED = "card_shared";
    /** Call, text or email to the officer. */
    public static final String CONTACT_TAPPED = "contact_tapped";
    /** The {@code referral_sent} event type. */
    public static final String REFERRAL_SENT = "referral_sent";
    /** With {@code properties.rating} 1–5 and an optional {@code comment}. */
    public static final String FEEDBACK_GIVEN = "feedback_given";
    /** An in-person touch logged from the CRM; {@code properties.kind}: coffee, lunch, event, committee, office, call. */
    public static final String MEETING_LOGGED = "meeting_logged";
    /** Marks the app install of the relationship inactive. */
    public static final String APP_UNINSTALLED = "app_uninstalled";
    /**
     * The officer sent the partner a personal note (recorded from the CRM). Touches weigh nothing: they move the
     * next step, not the score; for 7 days after one, with no answer from the partner, the advice is
     * {@code give_space}, so it never repeats itself.
     */
    public static final String NOTE_SENT = "note_sent";
    /** The officer called the partner (a touch, see {@link #NOTE_SENT}). */
    public static final String CALL_MADE = "call_made";
    /** The officer shared a useful tool with the partner, e.g. a calculator or market report (a touch, see {@link #NOTE_SENT}). */
    public static final String TOOL_SHARED = "tool_shared";

    private EventTypes() {
    }
}
