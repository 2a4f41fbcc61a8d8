package io.rapport.server.score.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.score.engine.CountedEvent;
import io.rapport.server.score.engine.CountedDays;
import io.rapport.server.score.engine.InterestSum;
import io.rapport.server.score.engine.WeekWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps {@code relationship_score} rows by hand: they are read on every ingest batch, dozens at a time. */
public final class StoredScoreMapper implements RowMapper<StoredScore> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Double>> TYPE_RAWS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> CAPPED_DAYS = new TypeReference<>() {
    };

    @Override
    public StoredScore map(ResultSet rs, StatementContext ctx) throws SQLException {
        Map<String, CountedDays> capped = new HashMap<>();
        read(rs.getString("capped_days"), CAPPED_DAYS).forEach((type, days) -> capped.put(type, CountedDays.decode(days)));
        return new StoredScore(scoreRow(rs), read(rs.getString("type_raws"), TYPE_RAWS), capped,
                recent(rs.getString("recent")));
    }

    /** The {@code recent} column's text, as {@link #recentJson} writes it. */
    public static WeekWindow recent(String json) throws SQLException {
        StoredWindow stored = read(json, StoredWindow.TYPE);
        List<CountedEvent> oldest = new ArrayList<>();
        for (double[] pair : stored.e()) {
            oldest.add(new CountedEvent(micros((long) pair[0]), pair[1]));
        }
        if (stored.t() == null) {
            return new WeekWindow(oldest, InterestSum.EMPTY, null);
        }
        return new WeekWindow(oldest, new InterestSum(stored.t()[0], micros((long) stored.t()[1])),
                micros((long) stored.t()[2]));
    }

    /** {@code {"e": [[µs, weight], ...], "t": [raw, ref µs, from µs]}}: the kept contributions and the sum of the rest. */
    record StoredWindow(double[][] e, double[] t) {
        static final TypeReference<StoredWindow> TYPE = new TypeReference<>() {
        };
    }

    private static Instant micros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** {@code {type: "latest:hex"}}, as {@link CountedDays} encodes each type's days. */
    static String cappedDaysJson(Map<String, CountedDays> capped) {
        Map<String, String> encoded = new HashMap<>();
        capped.forEach((type, days) -> encoded.put(type, days.encode()));
        return json(encoded);
    }

    /** The window as {@link #recent} reads it, and as the SQL function {@code week_window} builds it. */
    static String recentJson(WeekWindow window) {
        StringBuilder json = new StringBuilder(16 + 32 * window.oldest().size()).append("{\"e\": [");
        for (int i = 0; i < window.oldest().size(); i++) {
            CountedEvent c = window.oldest().get(i);
            json.append(i == 0 ? "[" : ", [").append(ScoreWrites.micros(c.at())).append(", ").append(c.weight()).append(']');
        }
        json.append(']');
        if (window.tailFrom() != null) {
            json.append(", \"t\": [").append(window.tail().raw()).append(", ").append(ScoreWrites.micros(window.tail().refTime()))
                    .append(", ").append(ScoreWrites.micros(window.tailFrom())).append(']');
        }
        return json.append('}').toString();
    }

    /** The score columns of a row, by name, so any query selecting {@code s.*} can use it. */
    public static ScoreRow scoreRow(ResultSet rs) throws SQLException {
        return new ScoreRow(
                rs.getObject("org_id", UUID.class),
                rs.getObject("relationship_id", UUID.class),
                rs.getObject("officer_id", UUID.class),
                rs.getObject("partner_id", UUID.class),
                rs.getDouble("raw"),
                rs.getDouble("short_raw"),
                rs.getDouble("app_raw"),
                instant(rs, "ref_time"),
                instant(rs, "last_activity_at"),
                instant(rs, "last_meeting_at"),
                instant(rs, "last_feedback_at"),
                instant(rs, "last_referral_at"),
                instant(rs, "previous_referral_at"),
                instant(rs, "last_touch_at"),
                rs.getString("last_touch_type"),
                instant(rs, "last_signal_at"),
                instant(rs, "last_reach_out_at"),
                rs.getString("last_reach_out_type"),
                instant(rs, "last_use_at"),
                instant(rs, "previous_use_at"),
                instant(rs, "last_installed_at"),
                instant(rs, "last_uninstalled_at"),
                instant(rs, "ready_for_meeting_at"),
                rs.getString("tier"),
                rs.getString("stage"),
                instant(rs, "due_at"),
                rs.getDouble("rank_key"),
                rs.getInt("model_version"));
    }

    static String json(Map<String, ?> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable relationship_score jsonb column", e);
        }
    }

    /** timestamptz through {@link Timestamp}: the driver's OffsetDateTime builds zone rules for every value. */
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
