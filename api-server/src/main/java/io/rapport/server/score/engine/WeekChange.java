package io.rapport.server.score.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The score change over the last 7 days, exact from the events. Only the events of the window are
 * needed: {@code I(t−7d) = (I(t) − Σ_{tᵢ > t−7d} wᵢ·2^(−(t−tᵢ)/H)) · 2^(7d/H)}, the stored sum with the
 * window's contributions taken out and decayed back.
 */
public final class WeekChange {
    static final Duration WINDOW = Duration.ofDays(7);

    private WeekChange() {
    }

    /**
     * @param interestNow   {@code I(now)}
     * @param windowInterest the events after {@code now − 7d}, each decayed to {@code now}
     */
    public static int of(double interestNow, double windowInterest, Instant now, ScoringModel model) {
        double before = (interestNow - windowInterest) * Decay.factor(now, now.minus(WINDOW), model.halfLife());
        return ScoreMath.score(interestNow, model.k()) - ScoreMath.score(before, model.k());
    }

    public static Instant windowStart(Instant now) {
        return now.minus(WINDOW);
    }
}
