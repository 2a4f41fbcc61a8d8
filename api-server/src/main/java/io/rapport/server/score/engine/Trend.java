package io.rapport.server.score.engine;

import java.util.Locale;

/** Whether recent interest runs above or below the long-run rate (DESIGN §4). */
public enum Trend {
    RISING, STEADY, COOLING;

    static final double RISING_ABOVE = 1.3;
    static final double COOLING_BELOW = 0.7;

    /**
     * Compares the two rate estimates {@code short/H_short} and {@code long/H_long}. With no long-run
     * interest there is nothing to compare against: any short-run interest reads rising, none steady.
     */
    public static Trend of(double shortInterest, double longInterest, ScoringModel model) {
        double shortRate = shortInterest / Decay.seconds(model.shortHalfLife());
        double longRate = longInterest / Decay.seconds(model.halfLife());
        if (!(longRate > 0)) {
            return shortRate > 0 ? RISING : STEADY;
        }
        double ratio = shortRate / longRate;
        if (ratio > RISING_ABOVE) {
            return RISING;
        }
        return ratio < COOLING_BELOW ? COOLING : STEADY;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Trend fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
