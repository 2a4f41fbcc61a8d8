package io.rapport.server.score.engine;

import java.time.Instant;

/**
 * One event as the interest sum counted it: its weight, from the instant it counts from (a daily-capped
 * type's day start). The score row keeps those of the last days, so the 7-day change is computed from the
 * row alone ({@link WeekChange}).
 */
public record CountedEvent(Instant at, double weight) {
}
