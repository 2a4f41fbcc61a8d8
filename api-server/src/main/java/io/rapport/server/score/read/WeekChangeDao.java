package io.rapport.server.score.read;

import io.rapport.server.score.engine.WeekWindow;
import io.rapport.server.score.engine.WeekChange;
import io.rapport.server.score.write.StoredScoreMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The change sort's statement. Rows whose stored change still holds are read in the order of
 * {@code relationship_score_change}, a page at a time like the score sort; rows whose change stopped
 * holding and that the sweep has not reached yet (they are due, so {@code relationship_score_due} finds
 * them) come with their recent contributions, and the caller computes their change.
 */
final class WeekChangeDao {
    private WeekChangeDao() {
    }

    /** A row as the change sort reads it: the stored change, or for a stale row (null) the contributions to compute it from. */
    record ChangeRow(RankedScore ranked, WeekChange stored, WeekWindow window) {
    }

    private static final String COLUMNS = """
            SELECT s.org_id, s.relationship_id, s.officer_id, s.partner_id, s.raw, s.short_raw, s.app_raw, s.ref_time,
                   s.last_activity_at, s.last_meeting_at, s.last_feedback_at, s.last_referral_at, s.previous_referral_at,
                   s.last_touch_at, s.last_touch_type, s.last_signal_at, s.last_reach_out_at, s.last_reach_out_type,
                   s.last_use_at, s.previous_use_at, s.last_installed_at, s.last_uninstalled_at, s.ready_for_meeting_at,
                   s.tier, s.stage, s.due_at, s.rank_key, s.model_version, s.change_7d, s.change_score, s.change_until,
                   p.name AS partner_name, p.type AS partner_type%s
            FROM relationship_score s
            JOIN partner p ON p.org_id = s.org_id AND p.partner_id = s.partner_id
            """;

    /**
     * One statement, so one snapshot: up to {@code :limit} rows whose change holds at {@code :now} (after the
     * cursor if one is given), in index order, and every row of the officer whose change stopped holding by
     * then (due rows the sweep has yet to reach), with the contributions to compute it from. Read apart, a row
     * the sweep settles between the two reads would be in neither.
     */
    static String page(ScoreService.RankQuery query, boolean after, int limit) {
        StringBuilder holding = RankFilters.appendWhere(new StringBuilder(COLUMNS.formatted(", CAST(NULL AS text) AS recent")),
                query, true).append("  AND (s.change_until IS NULL OR s.change_until > :now)\n");
        if (after) {
            holding.append("  AND (s.change_7d, s.change_score, s.relationship_id)"
                    + " < (CAST(:afterChange AS smallint), CAST(:afterScore AS smallint), :afterId)\n");
        }
        // planned for its values (RankFilters.customPlan): with the LIMIT in the text, the index scan for every officer
        holding.append("ORDER BY s.change_7d DESC, s.change_score DESC, s.relationship_id DESC\nLIMIT ").append(limit);
        StringBuilder stale = RankFilters.appendWhere(new StringBuilder(COLUMNS.formatted(", CAST(s.recent AS text) AS recent")),
                query, true).append("  AND s.due_at <= :now AND s.change_until <= :now");
        return "(" + holding + ")\nUNION ALL\n(" + stale + ")";
    }

    /** Maps the page's rows: a stale row has its contributions ({@code recent}), a holding one its stored change. */
    static final class ChangeRowMapper implements RowMapper<ChangeRow> {
        private final RowMapper<RankedScore> ranked;

        private ChangeRowMapper(RowMapper<RankedScore> ranked) {
            this.ranked = ranked;
        }

        static RowMapper<ChangeRow> of(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ChangeRowMapper(new RankedScoreMapper().specialize(rs, ctx));
        }

        @Override
        public ChangeRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            String recent = rs.getString("recent");
            if (recent != null) {
                return new ChangeRow(ranked.map(rs, ctx), null, StoredScoreMapper.recent(recent));
            }
            Timestamp until = rs.getTimestamp("change_until");
            WeekChange stored = new WeekChange(rs.getInt("change_7d"), rs.getInt("change_score"),
                    until == null ? null : until.toInstant());
            return new ChangeRow(ranked.map(rs, ctx), stored, WeekWindow.EMPTY);
        }
    }
}
