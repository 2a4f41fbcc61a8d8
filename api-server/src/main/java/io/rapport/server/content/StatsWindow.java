package io.rapport.server.content;

import io.rapport.server.common.problem.ApiProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The half-open window [from, to) the stats count over; by default the last 30 days. */
public record StatsWindow(Instant from, Instant to) {
    static final Duration DEFAULT = Duration.ofDays(30);
    static final Duration LONGEST = Duration.ofDays(366);

    public static StatsWindow of(Instant from, Instant to, Clock clock) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(DEFAULT) : from;
        if (!start.isBefore(end)) {
            throw ApiProblemException.invalid("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ApiProblemException.invalid("from", "the window may span at most " + LONGEST.toDays() + " days");
        }
        return new StatsWindow(start, end);
    }
}
