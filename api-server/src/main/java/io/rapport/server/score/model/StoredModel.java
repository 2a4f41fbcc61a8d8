package io.rapport.server.score.model;

/** A {@code scoring_model} row; weights and the daily cap as the JSON text of their jsonb columns. */
public record StoredModel(int version, String weights, String dailyCap, double halfLifeSeconds, double shortHalfLifeSeconds, double k,
                          int warmingAt, int engagedAt, int hotAt, int hysteresis) {
}
