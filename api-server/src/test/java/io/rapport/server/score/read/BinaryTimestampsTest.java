package io.rapport.server.score.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** PostgreSQL's binary timestamptz (microseconds since 2000-01-01 UTC, big-endian) decoded to the same instant. */
class BinaryTimestampsTest {

    @Test
    void decodesPostgresEpochAndMicroseconds() {
        assertThat(BinaryTimestamps.instant(BinaryTimestamps.decode(bytes(0)))).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        Instant recent = Instant.parse("2026-11-25T09:30:00.123456Z");
        assertThat(BinaryTimestamps.instant(BinaryTimestamps.decode(bytes(micros(recent))))).isEqualTo(recent);
    }

    @Test
    void decodesInstantsBeforeTheEpochWithoutRoundingTowardsIt() {
        assertThat(BinaryTimestamps.instant(BinaryTimestamps.decode(bytes(-1))))
                .isEqualTo(Instant.parse("1999-12-31T23:59:59.999999Z"));
        Instant old = Instant.parse("1969-07-20T20:17:40.5Z");
        assertThat(BinaryTimestamps.instant(BinaryTimestamps.decode(bytes(micros(old))))).isEqualTo(old);
    }

    private static long micros(Instant instant) {
        return (instant.getEpochSecond() - 946_684_800L) * 1_000_000L + instant.getNano() / 1_000;
    }

    private static byte[] bytes(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
