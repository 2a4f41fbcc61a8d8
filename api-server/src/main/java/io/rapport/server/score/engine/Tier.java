package io.rapport.server.score.engine;

import java.util.Locale;

/** cold &lt; warming &lt; engaged &lt; hot, with hysteresis on the way down (DESIGN §4). */
public enum Tier {
    COLD, WARMING, ENGAGED, HOT;

    public int lowerBound(ScoringModel model) {
        return switch (this) {
            case COLD -> 0;
            case WARMING -> model.warmingAt();
            case ENGAGED -> model.engagedAt();
            case HOT -> model.hotAt();
        };
    }

    /** The tier whose band holds {@code score}, ignoring history. */
    public static Tier of(int score, ScoringModel model) {
        if (score >= model.hotAt()) {
            return HOT;
        }
        if (score >= model.engagedAt()) {
            return ENGAGED;
        }
        return score >= model.warmingAt() ? WARMING : COLD;
    }

    /**
     * The tier after {@code current} given a new score: up as soon as a higher tier's lower bound is
     * reached; down only once the score is below the current tier's lower bound minus the hysteresis,
     * and then to the tier whose band holds the score.
     */
    public static Tier next(Tier current, int score, ScoringModel model) {
        Tier plain = of(score, model);
        if (current == null || plain.compareTo(current) >= 0) {
            return plain;
        }
        return score < current.dropThreshold(model) ? plain : current;
    }

    /** The score this tier is left below; 0 for cold, which cannot drop. */
    public int dropThreshold(ScoringModel model) {
        return this == COLD ? 0 : lowerBound(model) - model.hysteresis();
    }

    public boolean atLeast(Tier other) {
        return compareTo(other) >= 0;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Tier fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
