package io.rapport.server.score.engine;

import java.time.Instant;

/**
 * The two things about a usage event that scoring looks at. {@code at} is when it counts from: its time,
 * but never after its receipt, so no score includes an event that has not happened yet (DESIGN §4).
 */
public record ScoringEvent(String type, Instant at) {

    public static ScoringEvent of(String type, Instant occurredAt, Instant receivedAt) {
        return new ScoringEvent(type, occurredAt.isAfter(receivedAt) ? receivedAt : occurredAt);
    }

    /** The UTC day of {@code at}, as days since the epoch. */
    public long epochDay() {
        return Math.floorDiv(at.getEpochSecond(), 86_400L);
    }

    /** The start of the UTC day of {@code at}: where a daily-capped event counts. */
    public static Instant dayStart(long epochDay) {
        return Instant.ofEpochSecond(epochDay * 86_400L);
    }
}
