package io.rapport.server.event;

import java.util.Set;

/** The event catalogue of DESIGN §3. */
public final class EventTypes {
    public static final String APP_UNINSTALLED = "app_uninstalled";
    public static final Set<String> ALL = Set.of(
            "app_installed", "app_opened", "profile_viewed", "content_viewed", "content_shared", "calculator_used",
            "card_shared", "contact_tapped", "referral_sent", "feedback_given", "meeting_logged", APP_UNINSTALLED,
            "note_sent", "call_made", "tool_shared");
    /** What the officer's score card may record: the officer's own touches and meetings. */
    public static final Set<String> OFFICER_TOUCHES = Set.of("note_sent", "call_made", "tool_shared", "meeting_logged");

    private EventTypes() {
    }
}
