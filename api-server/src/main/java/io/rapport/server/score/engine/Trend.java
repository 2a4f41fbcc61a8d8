package io.rapport.server.score.engine;

import java.util.Locale;

/**
 * The partner's own momentum (DESIGN §4): recent app use against its long-run rate, from the app signals
 * only, so the officer's meetings ageing never read as the partner cooling.
 */
public enum Trend {
    RISING, STEADY, COOLING;

    public static final double RISING_ABOVE = 1.3;
    /** 0.5, not 0.7: a light user's app-only trend is noisy, and 0.7 read steady usage as cooling a fifth of the time. */
    public static final double COOLING_BELOW = 0.5;

    /**
     * Compares the two rate estimates {@code short/H_short} and {@code long/H_long} of the app signals. With no
     * app signals at all there is nothing to compare: steady.
     */
    public static Trend of(double shortInterest, double longInterest, ScoringModel model) {
        double ratio = ratio(shortInterest, longInterest, model);
        if (Double.isNaN(ratio)) {
            return STEADY;
        }
        if (ratio > RISING_ABOVE) {
            return RISING;
        }
        return ratio < COOLING_BELOW ? COOLING : STEADY;
    }

    /** The recent rate over the long-run rate; NaN when there is no long-run rate. */
    public static double ratio(double shortInterest, double longInterest, ScoringModel model) {
        double longRate = longInterest / Decay.seconds(model.halfLife());
        if (!(longRate > 0)) {
            return Double.NaN;
        }
        return (shortInterest / Decay.seconds(model.shortHalfLife())) / longRate;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Trend fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
