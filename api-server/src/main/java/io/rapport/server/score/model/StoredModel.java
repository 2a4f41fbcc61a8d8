package io.rapport.server.score.model;

/** A {@code scoring_model} row; weights as the JSON text of the jsonb column. */
public record StoredModel(int version, String weights, double halfLifeSeconds, double shortHalfLifeSeconds, double k,
                          int warmingAt, int engagedAt, int hotAt, int hysteresis) {
}
