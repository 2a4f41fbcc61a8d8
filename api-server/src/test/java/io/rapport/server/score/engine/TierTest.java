package io.rapport.server.score.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TierTest {
    private static final ScoringModel MODEL = ScoringModel.defaults();

    @Test
    void of_usesTheLowerBoundsInclusively() {
        assertThat(Tier.of(24, MODEL)).isEqualTo(Tier.COLD);
        assertThat(Tier.of(25, MODEL)).isEqualTo(Tier.WARMING);
        assertThat(Tier.of(49, MODEL)).isEqualTo(Tier.WARMING);
        assertThat(Tier.of(50, MODEL)).isEqualTo(Tier.ENGAGED);
        assertThat(Tier.of(74, MODEL)).isEqualTo(Tier.ENGAGED);
        assertThat(Tier.of(75, MODEL)).isEqualTo(Tier.HOT);
    }

    @Test
    void next_movesUpAsSoonAsALowerBoundIsReached() {
        assertThat(Tier.next(Tier.COLD, 25, MODEL)).isEqualTo(Tier.WARMING);
        assertThat(Tier.next(Tier.WARMING, 75, MODEL)).isEqualTo(Tier.HOT);
        assertThat(Tier.next(null, 60, MODEL)).isEqualTo(Tier.ENGAGED);
    }

    @Test
    void next_staysWithinTheHysteresisBand() {
        assertThat(Tier.next(Tier.HOT, 74, MODEL)).isEqualTo(Tier.HOT);
        assertThat(Tier.next(Tier.HOT, 72, MODEL)).isEqualTo(Tier.HOT);
        assertThat(Tier.next(Tier.WARMING, 22, MODEL)).isEqualTo(Tier.WARMING);
    }

    @Test
    void next_dropsBelowTheBandToTheTierHoldingTheScore() {
        assertThat(Tier.next(Tier.HOT, 71, MODEL)).isEqualTo(Tier.ENGAGED);
        assertThat(Tier.next(Tier.WARMING, 21, MODEL)).isEqualTo(Tier.COLD);
        assertThat(Tier.next(Tier.HOT, 30, MODEL)).isEqualTo(Tier.WARMING);
    }

    @Test
    void next_hoveringOnABoundaryDoesNotFlap() {
        Tier tier = Tier.COLD;
        int[] scores = {25, 24, 23, 22, 24, 25, 23, 22};
        for (int score : scores) {
            tier = Tier.next(tier, score, MODEL);
            assertThat(tier).isEqualTo(Tier.WARMING);
        }
        assertThat(Tier.next(tier, 21, MODEL)).isEqualTo(Tier.COLD);
    }

    @Test
    void dropThreshold_isTheLowerBoundMinusHysteresis() {
        assertThat(Tier.HOT.dropThreshold(MODEL)).isEqualTo(72);
        assertThat(Tier.ENGAGED.dropThreshold(MODEL)).isEqualTo(47);
        assertThat(Tier.WARMING.dropThreshold(MODEL)).isEqualTo(22);
        assertThat(Tier.COLD.dropThreshold(MODEL)).isZero();
    }
}
