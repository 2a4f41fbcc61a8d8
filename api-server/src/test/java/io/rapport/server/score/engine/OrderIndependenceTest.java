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

/** Property tests over seeded random event sets: arrival order and batching never change the numbers. */
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
            ScoreState anyOrder = ScoreState.EMPTY.fold(shuffled, MODEL);

            assertSame(anyOrder, inOrder, now);
        }
    }

    @Test
    void incrementalFoldInRandomBatches_equalsBatchRecomputation() {
        Random random = new Random(99L);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<ScoringEvent> events = randomEvents(random);
            Collections.shuffle(events, random);
            Instant now = START.plus(Duration.ofDays(730 + random.nextInt(100)));

            ScoreState incremental = ScoreState.EMPTY;
            int from = 0;
            while (from < events.size()) {
                int to = Math.min(events.size(), from + 1 + random.nextInt(7));
                incremental = incremental.fold(events.subList(from, to), MODEL);
                from = to;
            }

            assertThat(incremental.total().valueAt(now, MODEL.halfLife()))
                    .isCloseTo(directSum(events, now, MODEL.halfLife()), within(1e-9));
            assertThat(incremental.shortTerm().valueAt(now, MODEL.shortHalfLife()))
                    .isCloseTo(directSum(events, now, MODEL.shortHalfLife()), within(1e-9));
        }
    }

    @Test
    void perTypeSums_addUpToTheTotal() {
        Random random = new Random(5L);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<ScoringEvent> events = randomEvents(random);
            Instant now = START.plus(Duration.ofDays(700));
            ScoreState state = ScoreState.EMPTY.fold(events, MODEL);

            double parts = state.byType().values().stream().mapToDouble(s -> s.valueAt(now, MODEL.halfLife())).sum();

            assertThat(parts).isCloseTo(state.total().valueAt(now, MODEL.halfLife()), within(1e-9));
        }
    }

    private static void assertSame(ScoreState actual, ScoreState expected, Instant now) {
        double interest = expected.total().valueAt(now, MODEL.halfLife());
        assertThat(actual.total().refTime()).isEqualTo(expected.total().refTime());
        assertThat(actual.total().valueAt(now, MODEL.halfLife())).isCloseTo(interest, within(1e-9));
        assertThat(ScoreMath.unroundedScore(actual.total().valueAt(now, MODEL.halfLife()), MODEL.k()))
                .isCloseTo(ScoreMath.unroundedScore(interest, MODEL.k()), within(1e-9));
        assertThat(actual.shortTerm().valueAt(now, MODEL.shortHalfLife()))
                .isCloseTo(expected.shortTerm().valueAt(now, MODEL.shortHalfLife()), within(1e-9));
        assertThat(actual.facts()).isEqualTo(expected.facts());
        assertThat(actual.lastActivityAt()).isEqualTo(expected.lastActivityAt());
        assertThat(InterestScore.of(actual, now, MODEL)).usingRecursiveComparison()
                .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
                .isEqualTo(InterestScore.of(expected, now, MODEL));
    }

    /** {@code Σ wᵢ·2^(−(t − tᵢ)/H)} straight from the definition. */
    private static double directSum(List<ScoringEvent> events, Instant now, Duration halfLife) {
        return events.stream()
                .mapToDouble(e -> MODEL.weightOf(e.type()) * Math.pow(2, -Duration.between(e.occurredAt(), now).toNanos() / 1e9
                        / halfLife.toSeconds()))
                .sum();
    }

    private static List<ScoringEvent> randomEvents(Random random) {
        int count = 1 + random.nextInt(60);
        List<ScoringEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long micros = (long) (random.nextDouble() * 730L * 86_400_000_000L);
            events.add(new ScoringEvent(TYPES.get(random.nextInt(TYPES.size())), START.plusNanos(micros * 1000)));
        }
        return events;
    }

    private static List<ScoringEvent> sortedByTime(List<ScoringEvent> events) {
        List<ScoringEvent> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
        return sorted;
    }
}
