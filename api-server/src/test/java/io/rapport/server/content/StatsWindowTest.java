package io.rapport.server.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.server.common.problem.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatsWindowTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void defaultsToTheLastThirtyDays_endingNow_orAtTo() {
        assertThat(StatsWindow.of(null, null, CLOCK)).isEqualTo(new StatsWindow(NOW.minus(Duration.ofDays(30)), NOW));
        Instant to = NOW.minus(Duration.ofDays(100));
        assertThat(StatsWindow.of(null, to, CLOCK)).isEqualTo(new StatsWindow(to.minus(Duration.ofDays(30)), to));
    }

    @Test
    void rejectsEmptyBackwardAndOverlongWindows() {
        assertThatThrownBy(() -> StatsWindow.of(NOW, NOW, CLOCK)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> StatsWindow.of(NOW.plusSeconds(1), NOW, CLOCK)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> StatsWindow.of(NOW.minus(Duration.ofDays(367)), NOW, CLOCK))
                .isInstanceOf(InvalidInputException.class);
        assertThat(StatsWindow.of(NOW.minus(Duration.ofDays(366)), NOW, CLOCK).from()).isEqualTo(NOW.minus(Duration.ofDays(366)));
    }
}
