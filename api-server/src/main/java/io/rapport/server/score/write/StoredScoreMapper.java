package io.rapport.server.score.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.rapport.server.score.engine.CountedEvent;
import io.rapport.server.score.engine.CountedDays;
import io.rapport.server.score.engine.InterestSum;
import io.rapport.server.score.engine.WeekWindow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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

/**
 * Maps {@code relationship_score} rows by hand: they are read on every ingest batch, up to 500 at a time.
 * Its three jsonb columns are read and written with Jackson's streaming parser and generator: through
 * {@code ObjectMapper} and type references they were a sixth of a spread batch's request CPU.
 */
public final class StoredScoreMapper implements RowMapper<StoredScore> {
    /** Doubles are most of these columns: read and written by Jackson's fast (FastDoubleParser, Schubfach) paths. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    @Override
    public StoredScore map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredScore(scoreRow(rs), typeRaws(rs.getString("type_raws")), cappedDays(rs.getString("capped_days")),
                recent(rs.getString("recent")));
    }

    /** The {@code type_raws} column's text, as {@link #typeRawsJson} writes it. */
    static Map<String, Double> typeRaws(String json) throws SQLException {
        return byName(json, JsonParser::getDoubleValue);
    }

    /** The {@code capped_days} column's text, as {@link #cappedDaysJson} writes it. */
    static Map<String, CountedDays> cappedDays(String json) throws SQLException {
        Map<String, CountedDays> capped = new HashMap<>();
        byName(json, StoredScoreMapper::text).forEach((type, days) -> capped.put(type, CountedDays.decode(days)));
        return capped;
    }

    /** The {@code recent} column's text, as {@link #recentJson} writes it. */
    public static WeekWindow recent(String json) throws SQLException {
        List<CountedEvent> oldest = new ArrayList<>();
        double[] tail = null;
        try (JsonParser parser = JSON.createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                expect(parser.nextToken(), JsonToken.START_ARRAY);
                if ("e".equals(field)) {
                    while (parser.nextToken() == JsonToken.START_ARRAY) {
                        double[] pair = numbers(parser, 2);
                        oldest.add(new CountedEvent(micros((long) pair[0]), pair[1]));
                    }
                } else if ("t".equals(field)) {
                    tail = numbers(parser, 3);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (tail == null) {
            return new WeekWindow(oldest, InterestSum.EMPTY, null);
        }
        return new WeekWindow(oldest, new InterestSum(tail[0], micros((long) tail[1])), micros((long) tail[2]));
    }

    private static Instant micros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** {@code {type: "latest:hex"}}, as {@link CountedDays} encodes each type's days. */
    static String cappedDaysJson(Map<String, CountedDays> capped) {
        return object(capped, (generator, days) -> generator.writeString(days.encode()));
    }

    /** {@code {type: raw}}: the per-type sums. */
    static String typeRawsJson(Map<String, Double> typeRaws) {
        return object(typeRaws, JsonGenerator::writeNumber);
    }

    /** The window as {@link #recent} reads it, and as the SQL function {@code week_window} builds it. */
    static String recentJson(WeekWindow window) {
        StringWriter out = new StringWriter(16 + 40 * window.oldest().size());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("e");
            for (CountedEvent c : window.oldest()) {
                json.writeStartArray();
                json.writeNumber(ScoreWrites.micros(c.at()));
                json.writeNumber(c.weight());
                json.writeEndArray();
            }
            json.writeEndArray();
            if (window.tailFrom() != null) {
                json.writeArrayFieldStart("t");
                json.writeNumber(window.tail().raw());
                json.writeNumber(ScoreWrites.micros(window.tail().refTime()));
                json.writeNumber(ScoreWrites.micros(window.tailFrom()));
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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

    @FunctionalInterface
    private interface ValueWriter<V> {
        void write(JsonGenerator generator, V value) throws IOException;
    }

    private static <V> String object(Map<String, V> values, ValueWriter<V> writer) {
        StringWriter out = new StringWriter(16 + 32 * values.size());
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            for (Map.Entry<String, V> entry : values.entrySet()) {
                generator.writeFieldName(entry.getKey());
                writer.write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @FunctionalInterface
    private interface ValueReader<V> {
        /** The value the parser stands on. */
        V read(JsonParser parser) throws IOException;
    }

    /** A flat JSON object's fields, each value read by {@code reader}. */
    private static <V> Map<String, V> byName(String json, ValueReader<V> reader) throws SQLException {
        Map<String, V> values = new HashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                values.put(name, reader.read(parser));
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        return values;
    }

    private static String text(JsonParser parser) throws IOException {
        expect(parser.currentToken(), JsonToken.VALUE_STRING);
        return parser.getText();
    }

    /** The next {@code count} numbers of the array the parser is in, and its end. */
    private static double[] numbers(JsonParser parser, int count) throws IOException {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            parser.nextToken();
            values[i] = parser.getDoubleValue();
        }
        expect(parser.nextToken(), JsonToken.END_ARRAY);
        return values;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws JsonParseException {
        if (actual != expected) {
            throw new JsonParseException(null, "Expected " + expected + " but found " + actual);
        }
    }

    private static SQLException unreadable(IOException e) {
        return new SQLException("Unreadable relationship_score jsonb column", e);
    }

    /** timestamptz through {@link Timestamp}: the driver's OffsetDateTime builds zone rules for every value. */
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
