package io.rapport.server.score.report;

import io.rapport.server.score.engine.AdviceFacts;
import io.rapport.server.score.engine.NextStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How time-sensitive a next step is for the morning digest (DESIGN §4), most first: a fresh referral nobody
 * has thanked yet, then a partner ready for coffee, one cooling, trust to build on, a meeting to follow up,
 * a habit to acknowledge, a routine thank-you, a small digital touch. Leaving a partner room is never a
 * suggestion.
 */
record DigestPriority(int rank, String whyNow) {
    static final int NEVER = Integer.MAX_VALUE;
    static final Duration FRESH_REFERRAL = Duration.ofDays(7);
    private static final List<String> ORDER = List.of(NextStep.INVITE_TO_MEET, NextStep.CHECK_IN,
            NextStep.ASK_FOR_BUSINESS, NextStep.ASK_FOR_FEEDBACK, NextStep.SEND_PERSONAL_NOTE, NextStep.THANK_AND_SUPPORT,
            NextStep.SHARE_USEFUL_TOOL);

    static DigestPriority of(NextStep step, AdviceFacts advice, Instant lastReferralAt, Instant now) {
        if (NextStep.GIVE_SPACE.equals(step.code())) {
            return new DigestPriority(NEVER, null);
        }
        if (NextStep.THANK_AND_SUPPORT.equals(step.code()) && unanswered(lastReferralAt, advice, now)) {
            return new DigestPriority(0, step.fact().replaceFirst("\\.$", "") + ", not thanked yet.");
        }
        int at = ORDER.indexOf(step.code());
        return new DigestPriority(at < 0 ? ORDER.size() + 1 : at + 1, step.fact());
    }

    /** A referral of the last 7 days that no touch of the officer's has answered. */
    private static boolean unanswered(Instant lastReferralAt, AdviceFacts advice, Instant now) {
        return lastReferralAt != null && !lastReferralAt.isBefore(now.minus(FRESH_REFERRAL))
                && (advice.lastTouchAt() == null || advice.lastTouchAt().isBefore(lastReferralAt));
    }
}
