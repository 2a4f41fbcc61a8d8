package io.rapport.server.score.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The score change over the last 7 days, exact, and how long it holds. The score of 7 days ago counts the
 * events that counted from then or earlier: {@code I(t−7d) = (I(t) − Σ_{tᵢ > t−7d} wᵢ·2^(−(t−tᵢ)/H))·2^(7d/H)},
 * the sum with the window's contributions taken out and decayed back. Between events the change moves only
 * when one of the two rounded scores falls a point or a contribution leaves the window; {@code until} is the
 * first of those instants, so a change computed when a row is written can be stored, indexed and sorted on
 * until then (the sweep computes it again when the row falls due).
 *
 * @param change the score now minus the score 7 days ago
 * @param score  the score now, the change sort's tie-break
 * @param until  the first instant at which {@code change} or {@code score} may differ; null when never
 */
public record WeekChange(int change, int score, Instant until) {
    public static final Duration WINDOW = Duration.ofDays(7);
    /**
     * How long a contribution is kept after it left the window: a node whose clock runs behind the writer's
     * by less than this still finds every contribution its window needs.
     */
    public static final Duration KEPT_AFTER_WINDOW = Duration.ofHours(1);

    /**
     * The change at {@code now} of a sum whose contributions of the last days are {@code window}.
     *
     * @throws IllegalStateException when the window is not known at {@code now} ({@link WeekWindow#knownAt}): the
     *                               caller reads the contributions again first
     */
    public static WeekChange of(InterestSum total, WeekWindow window, Instant now, ScoringModel model) {
        if (!window.knownAt(now)) {
            throw new IllegalStateException("The 7-day window must be read again from the events");
        }
        Instant windowStart = now.minus(WINDOW);
        double interest = total.valueAt(now, model.halfLife());
        double weekAgo = (interest - window.sumAt(now, model.halfLife())) * Decay.factor(now, windowStart, model.halfLife());
        int score = ScoreMath.score(interest, model.k());
        int before = ScoreMath.score(weekAgo, model.k());
        // both sums only decay until the next contribution leaves the window: the first point either loses
        Instant until = earliest(window.nextExitAfter(now), ScoreMath.crossingBelow(total, score, model),
                ScoreMath.crossingBelow(new InterestSum(weekAgo, now), before, model));
        // floating error can put a crossing at now: the change is then looked at again a microsecond on, never
        // left stale but not due (the sweep and the change sort's read find stale rows among the due ones)
        if (until != null && !until.isAfter(now)) {
            until = now.plusNanos(1000);
        }
        return new WeekChange(score - before, score, until);
    }

    private static Instant earliest(Instant... instants) {
        Instant first = null;
        for (Instant instant : instants) {
            first = instant == null || (first != null && !instant.isBefore(first)) ? first : instant;
        }
        return first;
    }

    /** Whether this change still holds at {@code now}. */
    public boolean holdsAt(Instant now) {
        return until == null || until.isAfter(now);
    }
}
