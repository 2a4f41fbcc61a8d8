package io.rapport.server.score.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The few timestamps the stage depends on. Two referrals in 365 days holds exactly when the
 * second-latest referral is within the window, so the two latest are all that is kept.
 *
 * <p>Windows include their far edge: a meeting exactly 90 days before {@code now} still counts,
 * one microsecond earlier does not. Advocacy stands on referrals alone: a partner who sends
 * business is an advocate whether or not the officer has logged meetings.
 */
public record StageFacts(Instant lastMeetingAt, Instant lastFeedbackAt, Instant lastReferralAt, Instant previousReferralAt) {
    public static final StageFacts NONE = new StageFacts(null, null, null, null);
    public static final Duration MEETING_WINDOW = Duration.ofDays(90);
    public static final Duration FEEDBACK_WINDOW = Duration.ofDays(180);
    public static final Duration REFERRAL_WINDOW = Duration.ofDays(365);
    public static final int ADVOCATE_REFERRALS = 2;

    public StageFacts plus(String type, Instant at) {
        return switch (type) {
            case "meeting_logged" -> new StageFacts(latest(lastMeetingAt, at), lastFeedbackAt, lastReferralAt, previousReferralAt);
            case "feedback_given" -> new StageFacts(lastMeetingAt, latest(lastFeedbackAt, at), lastReferralAt, previousReferralAt);
            case "referral_sent" -> plusReferral(at);
            default -> this;
        };
    }

    private StageFacts plusReferral(Instant at) {
        if (lastReferralAt == null || at.isAfter(lastReferralAt)) {
            return new StageFacts(lastMeetingAt, lastFeedbackAt, at, lastReferralAt);
        }
        return new StageFacts(lastMeetingAt, lastFeedbackAt, lastReferralAt, latest(previousReferralAt, at));
    }

    public Stage stageAt(Instant now) {
        if (within(previousReferralAt, REFERRAL_WINDOW, now)) {
            return Stage.ADVOCATE;
        }
        if (!within(lastMeetingAt, MEETING_WINDOW, now)) {
            return Stage.TECHNOSHIP;
        }
        return within(lastFeedbackAt, FEEDBACK_WINDOW, now) ? Stage.TRUSTED : Stage.RELATIONSHIP;
    }

    /**
     * The first instant after {@code now} at which a fact leaves its window, so the stage may drop;
     * null when none will. The sweep uses it like a tier crossing.
     */
    public Instant nextExpiryAfter(Instant now) {
        Instant next = null;
        next = earliestFuture(next, expiry(previousReferralAt, REFERRAL_WINDOW), now);
        next = earliestFuture(next, expiry(lastMeetingAt, MEETING_WINDOW), now);
        next = earliestFuture(next, expiry(lastFeedbackAt, FEEDBACK_WINDOW), now);
        return next;
    }

    static boolean within(Instant at, Duration window, Instant now) {
        return at != null && !at.isBefore(now.minus(window));
    }

    /** The first instant at which {@code at} is outside the window: one microsecond past its edge. */
    private static Instant expiry(Instant at, Duration window) {
        return at == null ? null : at.plus(window).plusNanos(1000);
    }

    private static Instant earliestFuture(Instant current, Instant candidate, Instant now) {
        if (candidate == null || !candidate.isAfter(now)) {
            return current;
        }
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
