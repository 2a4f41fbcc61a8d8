package io.rapport.server.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instants leave the API as RFC 3339 UTC timestamps. */
public final class Timestamps {
    private Timestamps() {
    }

    /** Now, at the microsecond precision PostgreSQL stores, so what a create returns equals what a read returns. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
