package io.rapport.server.score.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrendTest {
    private static final ScoringModel MODEL = ScoringModel.defaults();
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void of_comparesRatesPerHalfLife() {
        // (s/7)/(l/21) = 3s/l: 3·0.5 = 1.5 rising, 3·0.3 = 0.9 and 3·0.17 = 0.51 steady, 3·0.16 = 0.48 cooling
        assertThat(Trend.of(5, 10, MODEL)).isEqualTo(Trend.RISING);
        assertThat(Trend.of(3, 10, MODEL)).isEqualTo(Trend.STEADY);
        assertThat(Trend.of(1.7, 10, MODEL)).isEqualTo(Trend.STEADY);
        assertThat(Trend.of(1.6, 10, MODEL)).isEqualTo(Trend.COOLING);
    }

    @Test
    void of_guardsTheZeroCases() {
        // no app signals at all: steady (a short sum without a long one cannot arise, both take the same events)
        assertThat(Trend.of(0, 0, MODEL)).isEqualTo(Trend.STEADY);
        assertThat(Trend.of(1, 0, MODEL)).isEqualTo(Trend.STEADY);
        assertThat(Trend.of(0, 4, MODEL)).isEqualTo(Trend.COOLING);
    }

    @Test
    void weeklyActivity_readsSteadyAtEveryHourOfTheCycle() {
        ScoreState state = weekly(ScoreState.EMPTY, T0, 20, 168);
        Instant lastEvent = T0.plus(Duration.ofDays(7L * 19));
        for (int hour = 0; hour < 7 * 24; hour++) {
            assertThat(trendAt(state, lastEvent.plus(Duration.ofHours(hour)))).as("hour %d", hour).isEqualTo(Trend.STEADY);
        }
    }

    @Test
    void doublingTheRate_readsRisingWithinAWeek() {
        ScoreState steady = weekly(ScoreState.EMPTY, T0, 20, 168);
        Instant doublingStart = T0.plus(Duration.ofDays(7L * 20));
        ScoreState doubled = weekly(steady, doublingStart, 2, 84);

        // the second event at the doubled rate, 3.5 days in, tips the ratio above 1.3
        assertThat(trendAt(doubled, doublingStart.plus(Duration.ofHours(85)))).isEqualTo(Trend.RISING);
    }

    @Test
    void goingSilent_readsCoolingWithinTwoWeeks() {
        ScoreState steady = weekly(ScoreState.EMPTY, T0, 20, 168);
        Instant lastEvent = T0.plus(Duration.ofDays(7L * 19));

        assertThat(trendAt(steady, lastEvent.plus(Duration.ofDays(14)))).isEqualTo(Trend.COOLING);
    }

    @Test
    void theOfficersOwnMeetingsAgeing_neverReadAsThePartnerCooling() {
        ScoreState steady = weekly(ScoreState.EMPTY, T0, 20, 168);
        Instant lastEvent = T0.plus(Duration.ofDays(7L * 19));
        ScoreState withMeetings = steady.fold(java.util.List.of(new ScoringEvent("meeting_logged", lastEvent),
                new ScoringEvent("note_sent", lastEvent), new ScoringEvent("referral_sent", lastEvent)), MODEL);

        assertThat(trendAt(withMeetings, lastEvent.plus(Duration.ofDays(5)))).isEqualTo(Trend.STEADY);
    }

    private static ScoreState weekly(ScoreState state, Instant start, int count, int everyHours) {
        ScoreState result = state;
        for (int i = 0; i < count; i++) {
            result = result.fold(java.util.List.of(new ScoringEvent("content_viewed", start.plus(Duration.ofHours((long) everyHours * i)))), MODEL);
        }
        return result;
    }

    private static Trend trendAt(ScoreState state, Instant now) {
        return InterestScore.of(state, now, MODEL).trend();
    }
}
