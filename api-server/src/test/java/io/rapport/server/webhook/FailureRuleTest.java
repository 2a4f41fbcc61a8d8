package io.rapport.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureRuleTest {
    private static final Instant SINCE = Instant.parse("2026-03-02T09:00:00Z");
    private final FailureRule rule = new FailureRule(20, Duration.ofDays(3));

    @Test
    void disables_onlyWhenBothEnoughFailuresAndLongEnough() {
        assertThat(rule.disables(20, SINCE, SINCE.plus(Duration.ofDays(3)))).isTrue();
        assertThat(rule.disables(500, SINCE, SINCE.plus(Duration.ofHours(71)))).isFalse();
        assertThat(rule.disables(19, SINCE, SINCE.plus(Duration.ofDays(30)))).isFalse();
    }
}
