package io.rapport.sdk;

/**
 * The event catalogue: the values {@code UsageEventInput.type} accepts. An event of any other type is
 * rejected by the server with the code {@code unknown_event_type} (its neighbours in the batch are not
 * affected).
 */
public final class EventTypes {
    public static final String APP_INSTALLED = "app_installed";
    public static final String APP_OPENED = "app_opened";
    public static final String PROFILE_VIEWED = "profile_viewed";
    public static final String CONTENT_VIEWED = "content_viewed";
    public static final String CONTENT_SHARED = "content_shared";
    public static final String CALCULATOR_USED = "calculator_used";
    /** The partner shared the officer's card with a client. */
    public static final String CARD_SHARED = "card_shared";
    /** Call, text or email to the officer. */
    public static final String CONTACT_TAPPED = "contact_tapped";
    public static final String REFERRAL_SENT = "referral_sent";
    /** With {@code properties.rating} 1–5 and an optional {@code comment}. */
    public static final String FEEDBACK_GIVEN = "feedback_given";
    /** An in-person touch logged from the CRM; {@code properties.kind}: coffee, lunch, event, committee, office, call. */
    public static final String MEETING_LOGGED = "meeting_logged";
    /** Marks the app install of the relationship inactive. */
    public static final String APP_UNINSTALLED = "app_uninstalled";
    /** The officer's own outreach, recorded so that advice never repeats itself (weight 0). */
    public static final String NOTE_SENT = "note_sent";
    public static final String CALL_MADE = "call_made";
    public static final String TOOL_SHARED = "tool_shared";

    private EventTypes() {
    }
}
