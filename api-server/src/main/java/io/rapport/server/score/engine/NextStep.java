package io.rapport.server.score.engine;

import java.time.Instant;
import java.util.Map;

/**
 * What the officer should do next (DESIGN §4): mirror the partner's interest, start small, never seem
 * overbearing, never repeat yourself. The first matching rule of the table wins; {@code fact} is the fact
 * that made it match, in the officer's words, and {@code factAt} when it happened (null if no single
 * instant stands behind it).
 */
public record NextStep(String code, String reason, int rule, String fact, Instant factAt) {
    public static final String GIVE_SPACE = "give_space";
    public static final String THANK_AND_SUPPORT = "thank_and_support";
    public static final String SHARE_USEFUL_TOOL = "share_useful_tool";
    public static final String CHECK_IN = "check_in";
    public static final String INVITE_TO_MEET = "invite_to_meet";
    public static final String ASK_FOR_FEEDBACK = "ask_for_feedback";
    public static final String ASK_FOR_BUSINESS = "ask_for_business";
    public static final String SEND_PERSONAL_NOTE = "send_personal_note";

    private static final Map<String, String> TOUCHES = Map.of(
            "note_sent", "You sent a note", "call_made", "You called", "tool_shared", "You shared a tool");
    private static final Map<String, String> REACH_OUTS = Map.of(
            "contact_tapped", "Tapped to contact you", "card_shared", "Shared your card with a client",
            "content_shared", "Shared your content", "profile_viewed", "Viewed your profile");

    /** The table in rule order. */
    public static NextStep of(Situation s) {
        Instant now = s.now();
        AdviceFacts advice = s.advice();
        StageFacts stage = s.stageFacts();
        if (advice.awaitingAnswer(now)) {
            return new NextStep(GIVE_SPACE, "You reached out recently: leave them room to answer.", 1,
                    TOUCHES.getOrDefault(advice.lastTouchType(), "You reached out") + " "
                            + Ago.of(advice.lastTouchAt(), now) + "; nothing from them since.", advice.lastTouchAt());
        }
        if (s.stage() == Stage.ADVOCATE || referredRecently(stage, now)) {
            return new NextStep(THANK_AND_SUPPORT,
                    "They send you business: thank them and offer concierge help with their own business planning.", 2,
                    referredRecently(stage, now) ? "Sent you a referral " + Ago.of(stage.lastReferralAt(), now) + "."
                            : "Two referrals within a year, the latest " + Ago.of(stage.lastReferralAt(), now) + ".",
                    stage.lastReferralAt());
        }
        if (advice.uninstalled() && s.stage() == Stage.TECHNOSHIP) {
            return new NextStep(SHARE_USEFUL_TOOL, "The app is gone: at most a useful tool by another channel.", 3,
                    "Uninstalled the app " + Ago.of(advice.lastUninstalledAt(), now) + ".", advice.lastUninstalledAt());
        }
        if (s.trend() == Trend.COOLING && s.tier().atLeast(Tier.WARMING)) {
            return new NextStep(CHECK_IN, "Their interest is fading: a personal check-in now, before it goes cold.", 4,
                    "Their app use is down to " + Math.round(s.trendRatio() * 100) + "% of their usual pace"
                            + (advice.lastSignalAt() == null ? "." : ", last seen " + Ago.of(advice.lastSignalAt(), now) + "."),
                    advice.lastSignalAt());
        }
        if (readyForMeeting(s.tier(), s.stage(), advice, now)) {
            return new NextStep(INVITE_TO_MEET,
                    "Clearly interested and reaching for you, but you have not met: they are ready for a coffee.", 5,
                    REACH_OUTS.getOrDefault(advice.lastReachOutType(), "Reached out") + " "
                            + Ago.of(advice.lastReachOutAt(), now) + "; no meeting in 90 days.", advice.lastReachOutAt());
        }
        if (s.stage() == Stage.RELATIONSHIP) {
            return new NextStep(ASK_FOR_FEEDBACK,
                    "You meet, but they have not told you what could be better: ask for their feedback.", 6,
                    "You met " + Ago.of(stage.lastMeetingAt(), now) + "; no feedback in 180 days.", stage.lastMeetingAt());
        }
        if (s.stage() == Stage.TRUSTED) {
            return new NextStep(ASK_FOR_BUSINESS, "Trust is earned: ask how you can help each other grow.", 7,
                    "Gave you feedback " + Ago.of(stage.lastFeedbackAt(), now) + ".", stage.lastFeedbackAt());
        }
        if (advice.usedForReal(now)) {
            return new NextStep(SEND_PERSONAL_NOTE, "They use the app for real: a short personal note, nothing more.", 8,
                    "Used the app's tools on two different days in the last 30, the latest "
                            + Ago.of(advice.lastUseAt(), now) + ".", advice.lastUseAt());
        }
        return new NextStep(SHARE_USEFUL_TOOL,
                "Interest is low: a small, useful digital touch such as a calculator or market report.", 9,
                advice.lastSignalAt() == null ? "No activity of their own yet."
                        : "No habit of using the app's tools yet; last seen " + Ago.of(advice.lastSignalAt(), now) + ".",
                advice.lastSignalAt());
    }

    /**
     * Rule 5's condition, the one place it is decided: engaged or hot, never met (stage technoship), and
     * reaching for the officer. {@code relationship.ready_for_meeting} fires when an event makes it true.
     */
    public static boolean readyForMeeting(Tier tier, Stage stage, AdviceFacts advice, Instant now) {
        return tier.atLeast(Tier.ENGAGED) && stage == Stage.TECHNOSHIP && advice.reachedOut(now);
    }

    /** A referral within 30 days (rule 2). */
    public static boolean referredRecently(StageFacts facts, Instant now) {
        return StageFacts.within(facts.lastReferralAt(), AdviceFacts.RECENT_WINDOW, now);
    }
}
