package io.rapport.server.score.read;

import io.rapport.server.score.engine.Decay;
import io.rapport.server.score.model.ScoringModels;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * What every sort of an officer's ranked list shares: the filters, written into the statement only when
 * given (so each combination is its own text with its own plan), their bindings, and the generic plan the
 * statement runs with.
 */
final class RankFilters {
    private static final String PARTNER_OF_ROW = """
            JOIN partner p ON p.org_id = s.org_id AND p.partner_id = s.partner_id
            """;

    /** The half-lives the trend filter needs: the stored model's or the defaults, evaluated once per statement. */
    private static final String TREND_HALF_LIVES = """
            CROSS JOIN (SELECT coalesce((SELECT half_life_seconds FROM scoring_model WHERE org_id = :orgId),
                                        :defaultHalfLife) AS half_life_seconds,
                               coalesce((SELECT short_half_life_seconds FROM scoring_model WHERE org_id = :orgId),
                                        :defaultShortHalfLife) AS short_half_life_seconds) mh
            """;

    private RankFilters() {
    }

    /**
     * The joins the given filters need and the WHERE clause of the officer's rows ({@code s}) with them;
     * {@code partnerJoined}: the caller joins {@code partner p} itself.
     */
    static StringBuilder appendWhere(StringBuilder sql, ScoreService.RankQuery query, boolean partnerJoined) {
        if (query.partnerType() != null && !partnerJoined) {
            sql.append(PARTNER_OF_ROW);
        }
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

    /** Binds the filters {@link #appendWhere} wrote. */
    static Query bind(Query statement, ScoreService.RankQuery query, Instant now) {
        if (query.tier() != null) {
            statement.bind("f.tier", query.tier());
        }
        if (query.stage() != null) {
            statement.bind("f.stage", query.stage());
        }
        if (query.partnerType() != null) {
            statement.bind("f.partnerType", query.partnerType());
        }
        if (query.trend() != null) {
            statement.bind("f.trend", query.trend())
                    .bindByType("f.now", now, Instant.class)
                    .bind("defaultHalfLife", Decay.seconds(ScoringModels.DEFAULTS.halfLife()))
                    .bind("defaultShortHalfLife", Decay.seconds(ScoringModels.DEFAULTS.shortHalfLife()));
        }
        return statement;
    }

    /** The filters given, as bits of a statement-text key. */
    static int shape(ScoreService.RankQuery query) {
        return (query.tier() != null ? 1 : 0) | (query.stage() != null ? 2 : 0)
                | (query.partnerType() != null ? 4 : 0) | (query.trend() != null ? 8 : 0);
    }

    /**
     * Plans this transaction's statement once per connection. With a parameter for its LIMIT, a generic plan
     * expected a tenth of the officer's rows where a custom plan knew 51, so PostgreSQL judged the generic plan
     * dearer and planned every execution anew (pg_stat_statements: 8,000 plans for 8,000 calls, 0.3-0.5 ms each,
     * most of its CPU per read); whether it ever switched to the generic plan hung on the statistics of the
     * moment (the officer's rows against the average officer's), which made its CPU per read vary between runs.
     * The LIMIT is now part of the text and the plan the same for every officer: an index scan on the sort's
     * index and a partner look-up per row of the page. {@code SET LOCAL} ends with the transaction.
     */
    static void genericPlan(Handle handle) {
        planCacheMode(handle, "force_generic_plan");
    }

    /**
     * Plans this transaction's statement for its values every time: the change sort's stale rows are found
     * through {@code due_at <= :now}, which a generic plan cannot tell apart from most of the table, and would
     * then read every row of the officer.
     */
    static void customPlan(Handle handle) {
        planCacheMode(handle, "force_custom_plan");
    }

    private static void planCacheMode(Handle handle, String mode) {
        try (Statement set = handle.getConnection().createStatement()) {
            set.execute("SET LOCAL plan_cache_mode = " + mode);
        } catch (SQLException e) {
            throw new ConnectionException(e);
        }
    }
}
