package io.rapport.server.score;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps the ranked list's rows by hand. Jdbi's constructor mapper, with the {@code @Nested} score row,
 * matched column names and called constructors reflectively for each of the 50 rows of a page: close to
 * half of the server's CPU in the ranked query (JFR, {@code ConstructorMapper}). Same columns, same values.
 */
public final class RankedScoreMapper implements RowMapper<RankedScore> {

    @Override
    public RankedScore map(ResultSet rs, StatementContext ctx) throws SQLException {
        ScoreRow row = new ScoreRow(
                rs.getObject("org_id", UUID.class),
                rs.getObject("relationship_id", UUID.class),
                rs.getObject("officer_id", UUID.class),
                rs.getObject("partner_id", UUID.class),
                rs.getDouble("raw"),
                rs.getDouble("short_raw"),
                instant(rs, "ref_time"),
                instant(rs, "last_activity_at"),
                instant(rs, "last_meeting_at"),
                instant(rs, "last_feedback_at"),
                instant(rs, "last_referral_at"),
                instant(rs, "previous_referral_at"),
                rs.getString("tier"),
                rs.getString("stage"),
                instant(rs, "due_at"),
                rs.getDouble("rank_key"),
                rs.getInt("model_version"));
        return new RankedScore(row, rs.getString("partner_name"), rs.getString("partner_type"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
