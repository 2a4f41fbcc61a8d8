package io.rapport.server.score.engine;

import java.time.Instant;

/** The closed-form parts of DESIGN §4: score from interest, its inverse, and the ranking key. */
public final class ScoreMath {
    private ScoreMath() {
    }

    /** {@code round(100·(1 − e^(−I/K)))}. */
    public static int score(double interest, double k) {
        return (int) Math.round(unroundedScore(interest, k));
    }

    static double unroundedScore(double interest, double k) {
        return 100.0 * (1.0 - Math.exp(-Math.max(interest, 0.0) / k));
    }

    /**
     * The interest at which the rounded score falls below {@code threshold}. The score rounds half up,
     * so it reads {@code threshold − 1} or less exactly when the unrounded score is below
     * {@code threshold − 0.5}; that is the value to invert, not {@code threshold} itself.
     */
    public static double interestBelow(int threshold, double k) {
        return -k * Math.log(1.0 - (threshold - 0.5) / 100.0);
    }

    /**
     * {@code ln(raw) + refTime·ln2/H}: every sum decays by the same factor, so ordering by this key is
     * ordering by score at any instant. An empty sum ranks last.
     */
    public static double rankKey(InterestSum sum, ScoringModel model) {
        if (sum.isEmpty() || !(sum.raw() > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(sum.raw()) + Decay.seconds(sum.refTime()) * Decay.ln2() / Decay.seconds(model.halfLife());
    }

    /**
     * The first microsecond at which the decaying score falls below {@code threshold}
     * ({@code refTime + H·log2(raw/I_bound)}); null when the score never held it.
     */
    public static Instant crossingBelow(InterestSum sum, int threshold, ScoringModel model) {
        if (threshold <= 0 || sum.isEmpty()) {
            return null;
        }
        double bound = interestBelow(threshold, model.k());
        if (!(sum.raw() >= bound)) {
            return sum.refTime();
        }
        Instant at = Decay.halfLivesAfter(sum.refTime(), sum.raw() / bound, model.halfLife());
        // floating error can leave the score one ulp above the bound at the computed microsecond
        while (score(sum.valueAt(at, model.halfLife()), model.k()) >= threshold) {
            at = at.plusNanos(1000);
        }
        return at;
    }
}
