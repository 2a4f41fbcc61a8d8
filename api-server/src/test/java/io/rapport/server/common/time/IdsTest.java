package io.rapport.server.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void next_isAVersion7Uuid_carryingTheClocksMilliseconds() {
        Instant now = Instant.parse("2026-11-25T08:00:00.123Z");
        UUID id = new Ids(Clock.fixed(now, ZoneOffset.UTC)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    }

    @Test
    void ids_fromLaterMilliseconds_sortAfterEarlierOnes() {
        List<UUID> ids = new ArrayList<>();
        for (int ms = 0; ms < 50; ms++) {
            ids.add(new Ids(Clock.fixed(Instant.ofEpochMilli(1_790_000_000_000L + ms), ZoneOffset.UTC)).next());
        }
        List<String> asText = ids.stream().map(UUID::toString).toList();
        assertThat(asText).isSorted();
        assertThat(new HashSet<>(ids)).hasSize(50);
    }
}
