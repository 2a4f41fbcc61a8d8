package io.rapport.server.score.engine;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A relationship's score as read at one instant, with everything that explains it. */
public record InterestScore(
        Instant asOf,
        double interest,
        int score,
        Tier tier,
        Trend trend,
        Stage stage,
        NextStep nextStep,
        List<Contribution> explanation,
        int modelVersion) {

    public static final int EXPLANATION_SIZE = 3;

    /** Reads {@code state} at {@code now}; the tier applies hysteresis from the state's last tier. */
    public static InterestScore of(ScoreState state, Instant now, ScoringModel model) {
        double interest = state.total().valueAt(now, model.halfLife());
        int score = ScoreMath.score(interest, model.k());
        Tier tier = Tier.next(state.tier(), score, model);
        double shortApp = state.shortTerm().valueAt(now, model.shortHalfLife());
        double longApp = state.appSignals().valueAt(now, model.halfLife());
        Trend trend = Trend.of(shortApp, longApp, model);
        Stage stage = state.facts().stageAt(now);
        NextStep step = NextStep.of(new Situation(now, tier, trend, Trend.ratio(shortApp, longApp, model), stage,
                state.facts(), state.advice()));
        return new InterestScore(now, interest, score, tier, trend, stage, step, explain(state, now, model), model.version());
    }

    /** The largest per-type parts of the interest with their share of the total, largest first. */
    static List<Contribution> explain(ScoreState state, Instant now, ScoringModel model) {
        if (state.byType().isEmpty()) {
            return List.of(); // a ranked list's rows: read without their per-type sums, which it does not show
        }
        double total = state.byType().values().stream().mapToDouble(s -> s.valueAt(now, model.halfLife())).sum();
        if (!(total > 0)) {
            return List.of();
        }
        return state.byType().entrySet().stream()
                .map(e -> {
                    double part = e.getValue().valueAt(now, model.halfLife());
                    return new Contribution(e.getKey(), part, part / total);
                })
                .filter(c -> c.interest() > 0)
                .sorted(Comparator.comparingDouble(Contribution::interest).reversed().thenComparing(Contribution::type))
                .limit(EXPLANATION_SIZE)
                .toList();
    }
}
