package io.rapport.server.score.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeekChangeTest {
    private static final ScoringModel MODEL = ScoringModel.defaults();
    private static final Duration H = MODEL.halfLife();
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private record Event(double weight, Instant at) {
    }

    @Test
    void change_ofAReferralTwoDaysAgo_onTopOfAnOldMeeting_isHandComputed() {
        // now: 25·2^(−2/21) + 10·2^(−30/21) = 23.43 + 3.72 = 27.15 → 74
        // 7 days ago: 10·2^(−23/21) = 4.68 → 21; the referral is this week's
        List<Event> events = List.of(new Event(25, days(2)), new Event(10, days(30)));

        assertThat(change(events)).isEqualTo(74 - 21);
    }

    @Test
    void change_withoutEventsThisWeek_isTheDecayAlone() {
        // now: 25·2^(−10/21) = 17.93 → 59; 7 days ago: 25·2^(−3/21) = 22.66 → 68
        assertThat(change(List.of(new Event(25, days(10))))).isEqualTo(59 - 68);
    }

    @Test
    void change_countsAnEventExactlySevenDaysAgo_inTheScoreOfSevenDaysAgo() {
        // now: 8·2^(−7/21) = 6.35 → 27; 7 days ago: 8 → 33
        assertThat(change(List.of(new Event(8, days(7))))).isEqualTo(27 - 33);
    }

    @Test
    void change_fromTheWindowOnly_equalsTheScoresComputedFromAllTheEvents() {
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            List<Event> events = random.ints(1 + random.nextInt(12), 0, 60 * 24).mapToObj(hours ->
                    new Event(1 + random.nextInt(25), NOW.minus(Duration.ofHours(hours)))).toList();
            Instant weekAgo = NOW.minus(WeekChange.WINDOW);
            int expected = ScoreMath.score(direct(events, NOW, NOW), MODEL.k())
                    - ScoreMath.score(direct(events, weekAgo, weekAgo), MODEL.k());

            assertThat(change(events)).as("run %d", run).isEqualTo(expected);
        }
    }

    @Test
    void change_holdsUntilItsUntil_andEqualsTheDefinitionAtEveryInstantBefore() {
        Random random = new Random(11);
        for (int run = 0; run < 200; run++) {
            List<Event> events = random.ints(1 + random.nextInt(12), 0, 60 * 24).mapToObj(hours ->
                    new Event(1 + random.nextInt(25), NOW.minus(Duration.ofHours(hours)))).toList();
            WeekChange stored = of(events, NOW);
            assertThat(stored.until()).as("run %d", run).isAfter(NOW);
            for (Instant t : List.of(NOW.plusSeconds(1), NOW.plus(Duration.between(NOW, stored.until()).dividedBy(2)),
                    // a millisecond before: closer, the two ways of computing a sum differ in the last bits
                    stored.until().minusMillis(1))) {
                Instant weekBefore = t.minus(WeekChange.WINDOW);
                int expected = ScoreMath.score(direct(events, t, t), MODEL.k())
                        - ScoreMath.score(direct(events, weekBefore, weekBefore), MODEL.k());
                assertThat(of(events, t).change()).as("run %d at %s", run, t).isEqualTo(expected)
                        .isEqualTo(stored.change());
                assertThat(of(events, t).score()).as("run %d at %s", run, t).isEqualTo(stored.score());
            }
            // at its until, the change, the score or the window has moved on
            WeekChange after = of(events, stored.until());
            boolean exits = events.stream().anyMatch(e -> e.at().plus(WeekChange.WINDOW).equals(stored.until()));
            assertThat(after.change() != stored.change() || after.score() != stored.score() || exits)
                    .as("run %d", run).isTrue();
        }
    }

    @Test
    void change_ofOldEventsOnly_holdsUntilTheScoreNowOrTheScoreOfAWeekAgoFallsAPoint() {
        WeekChange change = of(List.of(new Event(25, days(10))), NOW);

        assertThat(change.change()).isEqualTo(59 - 68);
        // the score a week before any instant t is that of the referral seen from t − 7d: 25 at days(3)
        Instant nowFalls = ScoreMath.crossingBelow(new InterestSum(25, days(10)), 59, MODEL);
        Instant weekAgoFalls = ScoreMath.crossingBelow(new InterestSum(25, days(3)), 68, MODEL);
        Instant expected = nowFalls.isBefore(weekAgoFalls) ? nowFalls : weekAgoFalls;
        assertThat(Duration.between(expected, change.until()).abs()).isLessThan(Duration.ofMillis(1));
    }

    /** What the server does: the stored sum and the recent contributions. */
    private static int change(List<Event> events) {
        return of(events, NOW).change();
    }

    private static WeekChange of(List<Event> events, Instant now) {
        InterestSum sum = InterestSum.EMPTY;
        for (Event e : events) {
            sum = sum.plus(e.weight(), e.at(), H);
        }
        List<CountedEvent> recent = events.stream().map(e -> new CountedEvent(e.at(), e.weight())).toList();
        return WeekChange.of(sum, WeekWindow.of(recent, H), now, MODEL);
    }

    /** {@code Σ w·2^(−(t − tᵢ)/H)} over the events at or before {@code until}. */
    private static double direct(List<Event> events, Instant until, Instant t) {
        return events.stream().filter(e -> !e.at().isAfter(until))
                .mapToDouble(e -> e.weight() * Math.pow(2, -Duration.between(e.at(), t).toNanos() / (double) H.toNanos()))
                .sum();
    }

    private static Instant days(int n) {
        return NOW.minus(Duration.ofDays(n));
    }
}
