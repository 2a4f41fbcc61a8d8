package io.rapport.server.score.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property tests over seeded random event sets, daily-capped opens (several a day, late ones included) and
 * events stamped after their receipt among them: arrival order and batching never change the numbers, and
 * the incremental fold equals the sums straight from the definition.
 */
class OrderIndependenceTest {
    private static final ScoringModel MODEL = ScoringModel.defaults();
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final List<String> TYPES = List.copyOf(ScoringModel.DEFAULT_WEIGHTS.keySet());
    private static final int TRIALS = 300;

    @Test
    void anyPermutation_givesTheSameScoreStateToOneInABillion() {
        Random random = new Random(20260301L);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<ScoringEvent> events = randomEvents(random);
            Instant now = START.plus(Duration.ofDays(730 + random.nextInt(100)));
            ScoreState inOrder = ScoreState.EMPTY.fold(sortedByTime(events), MODEL);

            List<ScoringEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            ScoreState anyOrder = inBatches(shuffled, random);

            assertSame(anyOrder, inOrder, now);
        }
    }

    @Test
    void incrementalFoldInRandomBatches_equalsTheDefinition() {
        Random random = new Random(99L);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<ScoringEvent> events = randomEvents(random);
            Collections.shuffle(events, random);
            Instant now = START.plus(Duration.ofDays(730 + random.nextInt(100)));

            ScoreState incremental = inBatches(events, random);

            List<ScoringEvent> counted = counted(events);
            assertThat(incremental.total().valueAt(now, MODEL.halfLife()))
                    .isCloseTo(directSum(counted, now, MODEL.halfLife(), false), within(1e-9));
            assertThat(incremental.shortTerm().valueAt(now, MODEL.shortHalfLife()))
                    .isCloseTo(directSum(counted, now, MODEL.shortHalfLife(), true), within(1e-9));
            assertThat(incremental.appSignals().valueAt(now, MODEL.halfLife()))
                    .isCloseTo(directSum(counted, now, MODEL.halfLife(), true), within(1e-9));
        }
    }

    @Test
    void perTypeSums_addUpToTheTotal() {
        Random random = new Random(5L);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<ScoringEvent> events = randomEvents(random);
            Instant now = START.plus(Duration.ofDays(700));
            ScoreState state = inBatches(events, random);

            double parts = state.byType().values().stream().mapToDouble(s -> s.valueAt(now, MODEL.halfLife())).sum();

            assertThat(parts).isCloseTo(state.total().valueAt(now, MODEL.halfLife()), within(1e-9));
        }
    }

    @Test
    void dailyCap_countsOneOpenPerUtcDayAtTheDaysStart_whateverTheirNumberOrOrder() {
        Instant day = Instant.parse("2026-03-10T00:00:00Z");
        List<ScoringEvent> opens = List.of(new ScoringEvent("app_opened", day.plusSeconds(60_000)),
                new ScoringEvent("app_opened", day.plusSeconds(3_600)), new ScoringEvent("app_opened", day.plusSeconds(80_000)));
        ScoreState once = ScoreState.EMPTY.fold(opens.subList(0, 1), MODEL);
        ScoreState thrice = ScoreState.EMPTY.fold(opens, MODEL);
        Instant now = day.plus(Duration.ofDays(2));

        assertThat(thrice.total().valueAt(now, MODEL.halfLife())).isEqualTo(once.total().valueAt(now, MODEL.halfLife()))
                .isCloseTo(0.25 * Math.pow(2, -2.0 / 21), within(1e-12));
        // the facts still see every open at its own time
        assertThat(thrice.lastActivityAt()).isEqualTo(day.plusSeconds(80_000));
        assertThat(thrice.advice().lastSignalAt()).isEqualTo(day.plusSeconds(80_000));
    }

    @Test
    void anEventStampedAfterItsReceipt_countsFromItsReceipt() {
        Instant received = Instant.parse("2026-03-10T10:00:00Z");
        ScoringEvent ahead = ScoringEvent.of("calculator_used", received.plusSeconds(240), received);

        assertThat(ahead.at()).isEqualTo(received);
        assertThat(ScoringEvent.of("calculator_used", received.minusSeconds(5), received).at())
                .isEqualTo(received.minusSeconds(5));
    }

    /** Folds in random batches, the way ingest does: each batch onto the state the earlier ones left. */
    private static ScoreState inBatches(List<ScoringEvent> events, Random random) {
        ScoreState state = ScoreState.EMPTY;
        int from = 0;
        while (from < events.size()) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(7));
            state = state.fold(events.subList(from, to), MODEL);
            from = to;
        }
        return state;
    }

    private static void assertSame(ScoreState actual, ScoreState expected, Instant now) {
        double interest = expected.total().valueAt(now, MODEL.halfLife());
        assertThat(actual.total().refTime()).isEqualTo(expected.total().refTime());
        assertThat(actual.total().valueAt(now, MODEL.halfLife())).isCloseTo(interest, within(1e-9));
        assertThat(ScoreMath.unroundedScore(actual.total().valueAt(now, MODEL.halfLife()), MODEL.k()))
                .isCloseTo(ScoreMath.unroundedScore(interest, MODEL.k()), within(1e-9));
        assertThat(actual.shortTerm().valueAt(now, MODEL.shortHalfLife()))
                .isCloseTo(expected.shortTerm().valueAt(now, MODEL.shortHalfLife()), within(1e-9));
        assertThat(actual.appSignals().valueAt(now, MODEL.halfLife()))
                .isCloseTo(expected.appSignals().valueAt(now, MODEL.halfLife()), within(1e-9));
        assertThat(actual.facts()).isEqualTo(expected.facts());
        assertThat(actual.advice()).isEqualTo(expected.advice());
        assertThat(actual.cappedDays()).isEqualTo(expected.cappedDays());
        Instant midway = START.plus(Duration.ofDays(365));
        // the same window, whichever contributions arrived first
        assertThat(actual.settle(midway, MODEL).window().oldest()).isEqualTo(expected.settle(midway, MODEL).window().oldest());
        assertThat(actual.window().tailFrom()).isEqualTo(expected.window().tailFrom());
        assertThat(actual.window().tail().valueAt(now, MODEL.halfLife()))
                .isCloseTo(expected.window().tail().valueAt(now, MODEL.halfLife()), within(1e-9));
        assertThat(actual.lastActivityAt()).isEqualTo(expected.lastActivityAt());
        assertThat(InterestScore.of(actual, now, MODEL)).usingRecursiveComparison()
                .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
                .isEqualTo(InterestScore.of(expected, now, MODEL));
    }

    /** What counts, by the definition: every event, but a capped type once per UTC day at the day's start. */
    private static List<ScoringEvent> counted(List<ScoringEvent> events) {
        Set<String> days = new HashSet<>();
        List<ScoringEvent> counted = new ArrayList<>();
        for (ScoringEvent e : events) {
            if (!MODEL.cappedDaily(e.type())) {
                counted.add(e);
            } else if (days.add(e.type() + '@' + e.epochDay())) {
                counted.add(new ScoringEvent(e.type(), ScoringEvent.dayStart(e.epochDay())));
            }
        }
        return counted;
    }

    /** {@code Σ wᵢ·2^(−(t − tᵢ)/H)} straight from the definition. */
    private static double directSum(List<ScoringEvent> events, Instant now, Duration halfLife, boolean appOnly) {
        return events.stream()
                .filter(e -> !appOnly || EventKinds.APP_SIGNALS.contains(e.type()))
                .mapToDouble(e -> MODEL.weightOf(e.type()) * Math.pow(2, -Duration.between(e.at(), now).toNanos() / 1e9
                        / halfLife.toSeconds()))
                .sum();
    }

    /** Events over two years, a third of them app opens bunched on a few days, some stamped ahead of receipt. */
    private static List<ScoringEvent> randomEvents(Random random) {
        int count = 1 + random.nextInt(60);
        List<ScoringEvent> events = new ArrayList<>();
        long[] openDays = {random.nextInt(730), random.nextInt(730), random.nextInt(730)};
        for (int i = 0; i < count; i++) {
            long micros = (long) (random.nextDouble() * 730L * 86_400_000_000L);
            String type = TYPES.get(random.nextInt(TYPES.size()));
            if (random.nextInt(3) == 0) {
                type = "app_opened";
                micros = openDays[random.nextInt(3)] * 86_400_000_000L + (long) (random.nextDouble() * 86_400_000_000L);
            }
            Instant received = START.plusNanos(micros * 1000);
            Instant occurred = random.nextInt(10) == 0 ? received.plusSeconds(1 + random.nextInt(299)) : received;
            events.add(ScoringEvent.of(type, occurred, received));
        }
        return events;
    }

    private static List<ScoringEvent> sortedByTime(List<ScoringEvent> events) {
        List<ScoringEvent> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> a.at().compareTo(b.at()));
        return sorted;
    }
}
