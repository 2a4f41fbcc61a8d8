package io.rapport.server.score.report;

import io.rapport.server.score.engine.Tier;
import java.time.LocalDate;

/** A relationship's score at the end of one UTC day. */
public record HistoryDay(LocalDate date, int score, Tier tier) {
}
