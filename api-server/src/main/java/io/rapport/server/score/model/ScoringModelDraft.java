package io.rapport.server.score.model;

import io.rapport.server.common.problem.FieldProblem;
import io.rapport.server.common.problem.InvalidInputException;
import io.rapport.server.score.engine.ScoringModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A proposed scoring model as sent, checked field by field before it becomes a {@link ScoringModel}. */
public record ScoringModelDraft(Map<String, Double> weights, List<String> dailyCap, double halfLifeDays,
                                double shortHalfLifeDays, double k,
                                int warmingAt, int engagedAt, int hotAt, int hysteresis) {
    static final double MAX_WEIGHT = 1000;
    static final double MAX_HALF_LIFE_DAYS = 3650;
    static final double MAX_K = 10_000;

    /** @throws InvalidInputException naming every offending field */
    public ScoringModel toModel(int version) {
        List<FieldProblem> problems = new ArrayList<>();
        weights.forEach((type, weight) -> {
            if (!ScoringModel.DEFAULT_WEIGHTS.containsKey(type)) {
                problems.add(new FieldProblem("weights." + type, "is not an event type of the catalogue"));
            } else if (weight == null || !(weight >= 0 && weight <= MAX_WEIGHT)) {
                problems.add(new FieldProblem("weights." + type, "must be between 0 and " + (int) MAX_WEIGHT));
            }
        });
        // generated clients send [] for a field left unset: absent and empty both mean model 2's default
        List<String> cap = dailyCap == null || dailyCap.isEmpty() ? List.copyOf(ScoringModel.DEFAULT_DAILY_CAP) : dailyCap;
        for (int i = 0; i < cap.size(); i++) {
            if (cap.get(i) == null || !ScoringModel.DEFAULT_WEIGHTS.containsKey(cap.get(i))) {
                problems.add(new FieldProblem("dailyCap[" + i + "]", "is not an event type of the catalogue"));
            }
        }
        if (!(halfLifeDays > 0 && halfLifeDays <= MAX_HALF_LIFE_DAYS)) {
            problems.add(new FieldProblem("halfLifeDays", "must be above 0 and at most " + (int) MAX_HALF_LIFE_DAYS));
        }
        if (!(shortHalfLifeDays > 0 && shortHalfLifeDays < halfLifeDays)) {
            problems.add(new FieldProblem("shortHalfLifeDays", "must be above 0 and below halfLifeDays"));
        }
        if (!(k > 0 && k <= MAX_K)) {
            problems.add(new FieldProblem("k", "must be above 0 and at most " + (int) MAX_K));
        }
        if (!(warmingAt >= 1 && warmingAt < engagedAt && engagedAt < hotAt && hotAt <= 100)) {
            problems.add(new FieldProblem("warmingAt", "warmingAt < engagedAt < hotAt must rise strictly within 1..100"));
        }
        if (!(hysteresis >= 0 && hysteresis < warmingAt)) {
            problems.add(new FieldProblem("hysteresis", "must be at least 0 and below warmingAt"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ScoringModel(version, weights, Set.copyOf(cap), days(halfLifeDays), days(shortHalfLifeDays), k, warmingAt, engagedAt,
                hotAt, hysteresis);
    }

    private static Duration days(double days) {
        return Duration.ofNanos(Math.round(days * 86_400e9));
    }
}
