package io.rapport.server.score.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterestScoreTest {
    private static final ScoringModel MODEL = ScoringModel.defaults();
    private static final Instant T0 = Instant.parse("2026-02-02T08:00:00Z");

    @Test
    void explanation_listsTheTopThreeTypesWithTheirShare() {
        ScoreState state = ScoreState.EMPTY.fold(List.of(
                new ScoringEvent("referral_sent", T0),
                new ScoringEvent("meeting_logged", T0),
                new ScoringEvent("app_opened", T0),
                new ScoringEvent("profile_viewed", T0),
                new ScoringEvent("app_uninstalled", T0)), MODEL);

        InterestScore score = InterestScore.of(state, T0.plus(Duration.ofDays(3)), MODEL);

        // 25 + 10 + 2 + 1 = 38
        assertThat(score.explanation()).extracting(Contribution::type)
                .containsExactly("referral_sent", "meeting_logged", "profile_viewed");
        assertThat(score.explanation().get(0).share()).isCloseTo(25.0 / 38, within(1e-12));
        assertThat(score.explanation().get(2).share()).isCloseTo(2.0 / 38, within(1e-12));
    }

    @Test
    void of_readsTierWithHysteresisFromTheSettledTier() {
        // 100·(1 − e^(−I/20)) = 73 at I ≈ 26.28: hot only if the relationship was hot before
        ScoreState state = ScoreState.EMPTY.fold(List.of(new ScoringEvent("referral_sent", T0),
                new ScoringEvent("app_opened", T0), new ScoringEvent("app_opened", T0)), MODEL);
        Instant now = T0.plus(Duration.ofHours(12));
        int score = InterestScore.of(state, now, MODEL).score();
        assertThat(score).isEqualTo(73);

        ScoreState wasHot = new ScoreState(state.total(), state.shortTerm(), state.byType(), state.facts(), T0, Tier.HOT);

        assertThat(InterestScore.of(state, now, MODEL).tier()).isEqualTo(Tier.ENGAGED);
        assertThat(InterestScore.of(wasHot, now, MODEL).tier()).isEqualTo(Tier.HOT);
    }

    @Test
    void nextDueAfter_isTheTierCrossingWhenItComesBeforeAnyStageExpiry() {
        ScoreState state = ScoreState.EMPTY.fold(List.of(new ScoringEvent("referral_sent", T0),
                new ScoringEvent("referral_sent", T0)), MODEL).settle(T0, MODEL);
        assertThat(state.tier()).isEqualTo(Tier.HOT);

        Instant due = state.nextDueAfter(T0, MODEL);

        assertThat(due).isEqualTo(ScoreMath.crossingBelow(state.total(), 72, MODEL));
        assertThat(state.settle(due.minusMillis(1), MODEL).tier()).isEqualTo(Tier.HOT);
        assertThat(state.settle(due, MODEL).tier()).isEqualTo(Tier.ENGAGED);
    }

    @Test
    void nextDueAfter_isTheStageExpiryWhenItComesFirst() {
        Instant meeting = T0.minus(Duration.ofDays(89));
        ScoreState state = ScoreState.EMPTY.fold(List.of(new ScoringEvent("meeting_logged", meeting),
                new ScoringEvent("app_opened", T0)), MODEL).settle(T0, MODEL);

        assertThat(state.nextDueAfter(T0, MODEL)).isEqualTo(meeting.plus(Duration.ofDays(90)).plusNanos(1000));
    }
}
