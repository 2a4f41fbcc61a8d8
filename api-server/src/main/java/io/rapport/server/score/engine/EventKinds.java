package io.rapport.server.score.engine;

import java.util.Set;

/**
 * What each event type of the catalogue means to the advice (DESIGN §4). The sets are the model's rules,
 * not its weights: an organization may weigh a type differently, but a contact tap is a reach-out whatever
 * it weighs.
 */
public final class EventKinds {
    public static final String APP_INSTALLED = "app_installed";
    public static final String APP_UNINSTALLED = "app_uninstalled";
    public static final String MEETING_LOGGED = "meeting_logged";
    public static final String FEEDBACK_GIVEN = "feedback_given";
    public static final String REFERRAL_SENT = "referral_sent";

    /** The officer's own outreach: it says what the officer did, not how interested the partner is. */
    public static final Set<String> TOUCHES = Set.of("note_sent", "call_made", "tool_shared");

    /** The partner's own use of the app, the only signals the trend is computed from. */
    public static final Set<String> APP_SIGNALS = Set.of("app_opened", "profile_viewed", "content_viewed",
            "content_shared", "calculator_used", "card_shared", "contact_tapped");

    /** The partner reaching for the officer. */
    public static final Set<String> REACH_OUTS = Set.of("contact_tapped", "card_shared", "content_shared", "profile_viewed");

    /** Using the app for what it is for, as opposed to opening it. */
    public static final Set<String> REAL_USES = Set.of("content_viewed", "calculator_used", "content_shared", "card_shared",
            "contact_tapped");

    private EventKinds() {
    }

    public static boolean isTouch(String type) {
        return TOUCHES.contains(type);
    }
}
