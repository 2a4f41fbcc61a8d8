package io.rapport.server.score.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.server.score.engine.CountedDays;
import io.rapport.server.score.engine.CountedEvent;
import io.rapport.server.score.engine.InterestSum;
import io.rapport.server.score.engine.WeekWindow;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jsonb columns of a score row read back exactly what was written, and what PostgreSQL itself writes. */
class StoredScoreMapperTest {
    private static final Instant T = Instant.parse("2026-12-06T10:15:30.123456Z");

    @Test
    void aWindowReadsBackExactly_withAndWithoutItsTail() throws SQLException {
        WeekWindow kept = new WeekWindow(List.of(new CountedEvent(T, 1.0), new CountedEvent(T.plusSeconds(61), 1.0 / 3)),
                InterestSum.EMPTY, null);
        WeekWindow tailed = new WeekWindow(kept.oldest(), new InterestSum(12.345678901234567, T.plusSeconds(3600)),
                T.minusSeconds(86_400));

        assertThat(StoredScoreMapper.recent(StoredScoreMapper.recentJson(kept))).isEqualTo(kept);
        assertThat(StoredScoreMapper.recent(StoredScoreMapper.recentJson(tailed))).isEqualTo(tailed);
        assertThat(StoredScoreMapper.recent(StoredScoreMapper.recentJson(WeekWindow.EMPTY))).isEqualTo(WeekWindow.EMPTY);
    }

    @Test
    void aWindowAsPostgresqlPrintsIt_isRead() throws SQLException {
        // jsonb's own text: numerics printed in full, the keys in its order, the column's default
        WeekWindow read = StoredScoreMapper.recent(
                "{\"e\": [[1765016130123456, 0.00001]], \"t\": [2.5E+2, 1765016130123456, 1765016000000000]}");

        assertThat(read.oldest()).containsExactly(new CountedEvent(Instant.parse("2025-12-06T10:15:30.123456Z"), 0.00001));
        assertThat(read.tail()).isEqualTo(new InterestSum(250.0, Instant.parse("2025-12-06T10:15:30.123456Z")));
        assertThat(read.tailFrom()).isEqualTo(Instant.parse("2025-12-06T10:13:20Z"));
        assertThat(StoredScoreMapper.recent("{\"e\": []}")).isEqualTo(WeekWindow.EMPTY);
    }

    @Test
    void typeSumsAndCountedDaysReadBackExactly() throws SQLException {
        Map<String, Double> raws = Map.of("app_opened", 0.1 + 0.2, "referral_sent", 1e-300, "meeting_held", 7.0);
        Map<String, CountedDays> days = Map.of("app_opened", CountedDays.of(20_000).with(19_990).with(19_300));

        assertThat(StoredScoreMapper.typeRaws(StoredScoreMapper.typeRawsJson(raws))).isEqualTo(raws);
        assertThat(StoredScoreMapper.cappedDays(StoredScoreMapper.cappedDaysJson(days))).isEqualTo(days);
        assertThat(StoredScoreMapper.typeRaws("{}")).isEmpty();
    }

    @Test
    void aColumnThatIsNotWhatWasWritten_isAnSqlError_notAWrongScore() {
        assertThatThrownBy(() -> StoredScoreMapper.recent("[1, 2]")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> StoredScoreMapper.recent("{\"e\": [[1, 2, 3]]}")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> StoredScoreMapper.cappedDays("{\"app_opened\": 3}")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> StoredScoreMapper.typeRaws("{\"app_opened\": 1")).isInstanceOf(SQLException.class);
    }
}
