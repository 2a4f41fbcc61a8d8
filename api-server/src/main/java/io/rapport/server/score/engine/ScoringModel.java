package io.rapport.server.score.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * An organization's scoring parameters (DESIGN §4). Immutable; a change is a new {@code version}.
 *
 * @param weights        weight per event type; types not listed weigh 0
 * @param dailyCap       types counted at most once per relationship and UTC day, at the day's start
 * @param halfLife       half-life H of the interest sum
 * @param shortHalfLife  half-life of the second sum used only for the trend
 * @param k              saturation constant K of {@code score = 100·(1 − e^(−I/K))}
 * @param warmingAt      lowest score of the warming tier
 * @param engagedAt      lowest score of the engaged tier
 * @param hotAt          lowest score of the hot tier
 * @param hysteresis     points a score must fall below its tier's lower bound before the tier drops
 */
public record ScoringModel(
        int version,
        Map<String, Double> weights,
        Set<String> dailyCap,
        Duration halfLife,
        Duration shortHalfLife,
        double k,
        int warmingAt,
        int engagedAt,
        int hotAt,
        int hysteresis) {

    /**
     * Model 2's weights. An app open weighs a quarter and counts once a day: one open a day is worth about
     * 8 points of interest, so a partner who only opens the app stays warming at most (model 1's weight 1,
     * uncapped, made daily openers "hot"). The officer's touches weigh nothing: they are what the officer
     * did, not how interested the partner is.
     */
    public static final Map<String, Double> DEFAULT_WEIGHTS = Map.ofEntries(
            Map.entry("app_installed", 5.0),
            Map.entry("app_opened", 0.25),
            Map.entry("profile_viewed", 2.0),
            Map.entry("content_viewed", 2.0),
            Map.entry("calculator_used", 3.0),
            Map.entry("content_shared", 5.0),
            Map.entry("card_shared", 8.0),
            Map.entry("contact_tapped", 10.0),
            Map.entry("feedback_given", 12.0),
            Map.entry("meeting_logged", 10.0),
            Map.entry("referral_sent", 25.0),
            Map.entry("app_uninstalled", 0.0),
            Map.entry("note_sent", 0.0),
            Map.entry("call_made", 0.0),
            Map.entry("tool_shared", 0.0));

    public static final Set<String> DEFAULT_DAILY_CAP = Set.of("app_opened");

    public ScoringModel {
        weights = Map.copyOf(weights);
        dailyCap = Set.copyOf(dailyCap);
        if (halfLife.isNegative() || halfLife.isZero() || shortHalfLife.isNegative() || shortHalfLife.isZero()) {
            throw new IllegalArgumentException("half-lives must be positive");
        }
        if (!(k > 0)) {
            throw new IllegalArgumentException("k must be positive");
        }
        if (!(0 < warmingAt && warmingAt < engagedAt && engagedAt < hotAt && hotAt <= 100)) {
            throw new IllegalArgumentException("tier thresholds must rise strictly within 1..100");
        }
        if (hysteresis < 0 || hysteresis >= warmingAt) {
            throw new IllegalArgumentException("hysteresis must be within 0..warmingAt-1");
        }
    }

    public static ScoringModel defaults() {
        return new ScoringModel(1, DEFAULT_WEIGHTS, DEFAULT_DAILY_CAP, Duration.ofDays(21), Duration.ofDays(7), 20.0, 25, 50,
                75, 3);
    }

    public double weightOf(String type) {
        return weights.getOrDefault(type, 0.0);
    }

    public boolean cappedDaily(String type) {
        return dailyCap.contains(type);
    }

    public ScoringModel withVersion(int newVersion) {
        return new ScoringModel(newVersion, weights, dailyCap, halfLife, shortHalfLife, k, warmingAt, engagedAt, hotAt,
                hysteresis);
    }
}
