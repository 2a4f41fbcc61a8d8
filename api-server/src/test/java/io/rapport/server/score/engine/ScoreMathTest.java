package io.rapport.server.score.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreMathTest {
    private static final ScoringModel MODEL = ScoringModel.defaults();
    private static final Duration H = MODEL.halfLife();
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void score_ofOneAppOpenAfterOneHalfLife_isHandComputed() {
        InterestSum sum = InterestSum.EMPTY.plus(1.0, T0, H);

        double interest = sum.valueAt(T0.plus(Duration.ofDays(21)), H);

        // 1 · 2^(−21/21) = 0.5; 100·(1 − e^(−0.5/20)) = 2.469 → 2
        assertThat(interest).isCloseTo(0.5, within(1e-12));
        assertThat(ScoreMath.score(interest, MODEL.k())).isEqualTo(2);
    }

    @Test
    void score_ofOneReferralAtItsOwnInstant_is71() {
        // 100·(1 − e^(−25/20)) = 71.35 → 71
        assertThat(ScoreMath.score(InterestSum.EMPTY.plus(25, T0, H).valueAt(T0, H), MODEL.k())).isEqualTo(71);
    }

    @Test
    void score_ofTwoReferralsAndAMeetingAfterTwoHalfLives_isHandComputed() {
        InterestSum sum = InterestSum.EMPTY.plus(25, T0, H).plus(25, T0, H).plus(10, T0, H);

        double interest = sum.valueAt(T0.plus(Duration.ofDays(42)), H);

        // 60 / 4 = 15; 100·(1 − e^(−0.75)) = 52.76 → 53
        assertThat(interest).isCloseTo(15.0, within(1e-12));
        assertThat(ScoreMath.score(interest, MODEL.k())).isEqualTo(53);
    }

    @Test
    void fold_ofAnEarlierEvent_keepsTheLaterReferenceTime() {
        InterestSum sum = InterestSum.EMPTY.plus(10, T0, H).plus(8, T0.minus(Duration.ofDays(21)), H);

        assertThat(sum.refTime()).isEqualTo(T0);
        assertThat(sum.raw()).isCloseTo(14.0, within(1e-12));
    }

    @Test
    void interestBelow_invertsTheRoundedScore() {
        // −20·ln(1 − 71.5/100): at this I the unrounded score is 71.5, which still rounds to 72
        double bound = ScoreMath.interestBelow(72, 20);

        assertThat(bound).isCloseTo(25.105321974269728, within(1e-12));
        assertThat(ScoreMath.score(bound * (1 + 1e-12), 20)).isEqualTo(72);
        assertThat(ScoreMath.score(bound * (1 - 1e-9), 20)).isEqualTo(71);
    }

    @Test
    void crossingBelow_isTheFirstMicrosecondBelowTheThreshold() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            InterestSum sum = InterestSum.EMPTY.plus(30 + random.nextDouble() * 200, T0, H);
            int threshold = 1 + random.nextInt(90);
            if (ScoreMath.score(sum.raw(), MODEL.k()) < threshold) {
                continue;
            }

            Instant crossing = ScoreMath.crossingBelow(sum, threshold, MODEL);

            assertThat(ScoreMath.score(sum.valueAt(crossing, H), MODEL.k())).isLessThan(threshold);
            assertThat(ScoreMath.score(sum.valueAt(crossing.minusMillis(1), H), MODEL.k())).isGreaterThanOrEqualTo(threshold);
        }
    }

    @Test
    void crossingBelow_matchesTheClosedForm() {
        InterestSum sum = InterestSum.EMPTY.plus(100, T0, H);
        double bound = ScoreMath.interestBelow(72, 20);
        double expectedSeconds = Decay.seconds(H) * Math.log(100 / bound) / Math.log(2);

        Instant crossing = ScoreMath.crossingBelow(sum, 72, MODEL);

        assertThat(Duration.between(T0, crossing).toNanos() / 1e9).isCloseTo(expectedSeconds, within(2e-6));
    }

    @Test
    void crossingBelow_whenAlreadyBelow_isTheReferenceTime() {
        InterestSum sum = InterestSum.EMPTY.plus(1, T0, H);

        assertThat(ScoreMath.crossingBelow(sum, 22, MODEL)).isEqualTo(T0);
        assertThat(ScoreMath.crossingBelow(sum, 0, MODEL)).isNull();
    }

    @Test
    void rankKey_ordersLikeTheScoreAtAnyInstant() {
        Random random = new Random(7);
        List<InterestSum> sums = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Instant at = T0.plusSeconds(random.nextInt(200 * 86_400));
            sums.add(InterestSum.EMPTY.plus(1 + random.nextDouble() * 40, at, H));
        }
        List<InterestSum> byKey = sums.stream()
                .sorted(Comparator.comparingDouble((InterestSum s) -> ScoreMath.rankKey(s, MODEL)).reversed())
                .toList();

        for (Instant now : List.of(T0, T0.plus(Duration.ofDays(300)), T0.plus(Duration.ofDays(900)))) {
            List<Double> interests = byKey.stream().map(s -> s.valueAt(now, H)).toList();
            for (int i = 1; i < interests.size(); i++) {
                assertThat(interests.get(i)).isLessThanOrEqualTo(interests.get(i - 1) * (1 + 1e-12));
            }
        }
    }

    @Test
    void rankKey_ofAnEmptySum_ranksLast() {
        assertThat(ScoreMath.rankKey(InterestSum.EMPTY, MODEL)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
