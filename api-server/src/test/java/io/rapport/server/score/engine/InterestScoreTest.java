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

        // 25 + 10 + 2 at T0, and the open's 0.25 at the start of its day, 8 hours earlier
        double open = 0.25 * Math.pow(2, -8.0 / 24 / 21);
        double total = 37 + open;
        assertThat(score.explanation()).extracting(Contribution::type)
                .containsExactly("referral_sent", "meeting_logged", "profile_viewed");
        assertThat(score.explanation().get(0).share()).isCloseTo(25.0 / total, within(1e-12));
        assertThat(score.explanation().get(2).share()).isCloseTo(2.0 / total, within(1e-12));
    }

    @Test
    void of_readsTierWithHysteresisFromTheSettledTier() {
        // 100·(1 − e^(−I/20)) = 73 at I ≈ 26.2: hot only if the relationship was hot before
        ScoreState state = ScoreState.EMPTY.fold(List.of(new ScoringEvent("referral_sent", T0),
                new ScoringEvent("profile_viewed", T0)), MODEL);
        Instant now = T0.plus(Duration.ofHours(22));
        int score = InterestScore.of(state, now, MODEL).score();
        assertThat(score).isEqualTo(73);

        ScoreState wasHot = new ScoreState(state.total(), state.shortTerm(), state.appSignals(), state.byType(), state.facts(),
                state.advice(), state.cappedDays(), state.window(), T0, Tier.HOT);

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
