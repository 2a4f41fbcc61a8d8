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

    private static final String TREND_HALF_LIVES = """
            CROSS JOIN (SELECT CAST(:halfLife AS float8) AS half_life_seconds,
                               CAST(:shortHalfLife AS float8) AS short_half_life_seconds) mh
            """;

    /**
     * One statement, so one snapshot: up to {@code :limit} rows whose change holds at {@code :now} (after the
     * cursor if one is given), in index order, and every row of the officer whose change stopped holding by
     * then (due rows the sweep has yet to reach), with the contributions to compute it from. Read apart, a row
     * the sweep settles between the two reads would be in neither.
     */
    static String page(ScoreService.RankQuery query, boolean after) {
        StringBuilder holding = new StringBuilder(COLUMNS.formatted(", CAST(NULL AS text) AS recent"));
        where(holding, query).append("  AND (s.change_until IS NULL OR s.change_until > :now)\n");
        if (after) {
            holding.append("  AND (s.change_7d, s.change_score, s.relationship_id)"
                    + " < (CAST(:afterChange AS smallint), CAST(:afterScore AS smallint), :afterId)\n");
        }
        holding.append("ORDER BY s.change_7d DESC, s.change_score DESC, s.relationship_id DESC\nLIMIT :limit");
        StringBuilder stale = new StringBuilder(COLUMNS.formatted(", CAST(s.recent AS text) AS recent"));
        where(stale, query).append("  AND s.due_at <= :now AND s.change_until <= :now");
        return "(" + holding + ")\nUNION ALL\n(" + stale + ")";
    }

    private static StringBuilder where(StringBuilder sql, ScoreService.RankQuery query) {
        if (query.trend() != null) {
            sql.append(TREND_HALF_LIVES);
        }
        sql.append("WHERE s.org_id = :orgId AND s.officer_id = :officerId\n");
        if (query.tier() != null) {
            sql.append("  AND s.tier = :f.tier\n");
        }
        if (query.stage() != null) {
            sql.append("  AND s.stage = :f.stage\n");
        }
        if (query.partnerType() != null) {
            sql.append("  AND p.type = :f.partnerType\n");
        }
        if (query.trend() != null) {
            sql.append("  AND :f.trend = ").append(ScoreReadDao.TREND_AT_NOW).append('\n');
        }
        return sql;
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
