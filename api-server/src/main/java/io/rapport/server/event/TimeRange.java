package io.rapport.server.event;

import java.time.Instant;

/**
 * The instants worth handing to PostgreSQL in a query. Its timestamptz stops at year 294276 and an
 * Instant goes far beyond, so an extreme filter or a forged cursor would fail the query with a 500;
 * years 1 to 9999 are more than any timeline holds.
 */
final class TimeRange {
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private TimeRange() {
    }

    static boolean queryable(Instant instant) {
        return instant == null || !instant.isBefore(FIRST) && !instant.isAfter(LAST);
    }
}
