package io.rapport.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private final RetrySchedule schedule = new RetrySchedule(RetrySchedule.DEFAULT_MAX_ATTEMPTS);

    @Test
    void delays_growFourfoldFromFiveSeconds_cappedAtEightHours() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(n -> schedule.delayAfter(n).orElseThrow().toSeconds()))
                .containsExactly(5L, 20L, 80L, 320L, 1280L, 5120L, 20480L, 28800L, 28800L);
    }

    @Test
    void defaultBudget_spansAboutADay_thenTheDeliveryFails() {
        Duration total = IntStream.rangeClosed(1, 9).mapToObj(n -> schedule.delayAfter(n).orElseThrow())
                .reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofHours(20), Duration.ofHours(30));
        assertThat(schedule.delayAfter(10)).isEqualTo(Optional.empty());
    }

    @Test
    void smallBudget_endsAfterItsLastAttempt() {
        RetrySchedule three = new RetrySchedule(3);
        assertThat(three.delayAfter(2)).contains(Duration.ofSeconds(20));
        assertThat(three.delayAfter(3)).isEmpty();
        assertThatThrownBy(() -> three.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
