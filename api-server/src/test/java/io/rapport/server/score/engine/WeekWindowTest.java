package io.rapport.server.score.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeekWindowTest {
    private static final Duration H = Duration.ofDays(21);
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void anyArrivalOrder_keepsTheOldestOneByOne_andSumsTheRest() {
        Random random = new Random(3);
        for (int run = 0; run < 200; run++) {
            List<CountedEvent> contributions = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(40); i < n; i++) {
                contributions.add(new CountedEvent(NOW.minusSeconds(random.nextInt(6 * 86_400)), 1 + random.nextInt(12)));
            }
            List<CountedEvent> shuffled = new ArrayList<>(contributions);
            Collections.shuffle(shuffled, random);
            WeekWindow window = WeekWindow.EMPTY;
            for (CountedEvent c : shuffled) {
                window = window.plus(c, H);
            }
            List<CountedEvent> sorted = new ArrayList<>(contributions);
            sorted.sort(WeekWindow.TIME_ORDER);

            assertThat(window.oldest()).isEqualTo(sorted.subList(0, Math.min(WeekWindow.KEPT, sorted.size())));
            assertThat(window.tailFrom()).isEqualTo(sorted.size() > WeekWindow.KEPT ? sorted.get(WeekWindow.KEPT).at() : null);
            assertThat(window.knownAt(NOW)).isTrue();
            double direct = contributions.stream().mapToDouble(c -> c.weight() * Decay.factor(c.at(), NOW, H)).sum();
            assertThat(window.sumAt(NOW, H)).isCloseTo(direct, within(1e-9));
            assertThat(window.nextExitAfter(NOW)).isEqualTo(sorted.get(0).at().plus(WeekChange.WINDOW));
        }
    }

    @Test
    void theWindow_isUnknownOnceItsSumBeginsToLeave() {
        List<CountedEvent> contributions = new ArrayList<>();
        for (int i = 0; i < WeekWindow.KEPT + 3; i++) {
            contributions.add(new CountedEvent(NOW.minus(Duration.ofHours(100 - i)), 2));
        }
        WeekWindow window = WeekWindow.of(contributions, H);
        Instant tailLeaves = contributions.get(WeekWindow.KEPT).at().plus(WeekChange.WINDOW);

        assertThat(window.nextExitAfter(tailLeaves.minus(Duration.ofHours(1)).minusSeconds(1)))
                .isEqualTo(tailLeaves.minus(Duration.ofHours(1)));
        assertThat(window.nextExitAfter(tailLeaves.minusSeconds(60))).isEqualTo(tailLeaves);
        assertThat(window.knownAt(tailLeaves.minusNanos(1000))).isTrue();
        assertThat(window.knownAt(tailLeaves)).isFalse();
        assertThat(window.without(NOW).oldest()).isEmpty();
    }
}
