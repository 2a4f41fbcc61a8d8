package io.rapport.server.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.server.common.problem.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RotationWindowTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void oldExpiry_defaultsToADay_andTakesAnyInstantFromNowToThirtyDaysAhead() {
        assertThat(RotationWindow.oldExpiry(null, NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(RotationWindow.oldExpiry(NOW, NOW)).isEqualTo(NOW);
        assertThat(RotationWindow.oldExpiry(NOW.plus(Duration.ofDays(30)), NOW)).isEqualTo(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void oldExpiry_refusesThePastAndMoreThanThirtyDays() {
        assertThatThrownBy(() -> RotationWindow.oldExpiry(NOW.minusMillis(1), NOW)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RotationWindow.oldExpiry(NOW.plus(Duration.ofDays(30)).plusMillis(1), NOW))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void newExpiry_mustBeInTheFutureWhenGiven() {
        assertThat(RotationWindow.newExpiry(null, NOW, "expiresAt")).isNull();
        assertThat(RotationWindow.newExpiry(NOW.plusSeconds(1), NOW, "expiresAt")).isEqualTo(NOW.plusSeconds(1));
        assertThatThrownBy(() -> RotationWindow.newExpiry(NOW, NOW, "expiresAt")).isInstanceOf(InvalidInputException.class);
    }
}
