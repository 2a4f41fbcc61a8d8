package io.rapport.server.score;

import java.time.LocalDate;

/** A relationship's score at the end of one UTC day. */
public record HistoryDay(LocalDate date, int score, Tier tier) {
}
