package io.rapport.server.score.read;

import io.rapport.server.score.engine.ScoringModel;
import io.rapport.server.score.model.ScoringModels;
import io.rapport.server.score.model.StoredModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A page of an officer's ranked list in one statement: the score rows together with the organization's
 * scoring model, read in the same snapshot, so the page is filtered and scored with one model even while
 * it changes. Only the first row's model columns are read; {@link ScoringModels} parses the weights only
 * when they differ from the last ones parsed for the organization, and the statement leaves them out
 * (null) when they equal the text the caller already has.
 *
 * <p>Through Jdbi's fluent API rather than a SqlObject: the on-demand SqlObject call built its
 * per-method configuration and handlers on every request (JFR, {@code ExtensionHandlerInvoker},
 * {@code ObjectPropertyNamedArgumentFinder}), and a second statement for the model cost as much again.
 *
 * <p>The statement holds only the filters and the keyset condition actually given. With
 * {@code (CAST(:x AS text) IS NULL OR ...)} for each absent filter, PostgreSQL judged no generic plan good
 * enough and planned every execution anew ({@code pg_prepared_statements}: 0 generic, 1,942 custom plans
 * in ScoreBenchmark), which made its CPU per ranked read several times the trivial read's.
 */
final class RankedReads {
    /** The columns a ranked row is read from: the jsonb parts (per-type sums, capped days) stay out. */
    private static final String ROWS_FROM = """
            SELECT s.org_id, s.relationship_id, s.officer_id, s.partner_id, s.raw, s.short_raw, s.app_raw, s.ref_time,
                   s.last_activity_at, s.last_meeting_at, s.last_feedback_at, s.last_referral_at, s.previous_referral_at,
                   s.last_touch_at, s.last_touch_type, s.last_signal_at, s.last_reach_out_at, s.last_reach_out_type,
                   s.last_use_at, s.previous_use_at, s.last_installed_at, s.last_uninstalled_at, s.ready_for_meeting_at,
                   s.tier, s.stage, s.due_at, s.rank_key, s.model_version
            FROM relationship_score s
            """;

    /**
     * The page's rows with their partner and the stored model's columns (nulls when there is none). The
     * partner is joined to the page's rows only: joined before the limit, PostgreSQL hash-joined every row of
     * the officer with every partner before sorting whenever it judged a scan cheaper than the rank index
     * (ScoreBenchmark after 210,000 events, whose updates bloat that index: 0.56 ms, now 0.36 ms). The lateral
     * subquery with {@code OFFSET 0} is looked up once per row of the page, by primary key: as a plain join the
     * one generic plan merge-joined the page with the organization's partners in key order when the statistics
     * of the moment had few of them, a plan whose cost grows with the partner count.
     * {@code OFFSET 0} keeps the model a subquery computed once, not an expression evaluated for each row.
     */
    private static final String WITH_MODEL = """
            SELECT r.*, p.name AS partner_name, p.type AS partner_type, m.version AS model_now_version,
                   CASE WHEN m.weights = CAST(:knownWeights AS text) THEN NULL ELSE m.weights END AS model_now_weights,
                   m.daily_cap AS model_now_daily_cap,
                   m.half_life_seconds AS model_now_half_life_seconds,
                   m.short_half_life_seconds AS model_now_short_half_life_seconds, m.k AS model_now_k,
                   m.warming_at AS model_now_warming_at, m.engaged_at AS model_now_engaged_at,
                   m.hot_at AS model_now_hot_at, m.hysteresis AS model_now_hysteresis
            FROM (%s) r
            CROSS JOIN LATERAL (SELECT name, type FROM partner p
                                WHERE p.org_id = r.org_id AND p.partner_id = r.partner_id OFFSET 0) p
            LEFT JOIN (SELECT version, CAST(weights AS text) AS weights, CAST(daily_cap AS text) AS daily_cap, half_life_seconds, short_half_life_seconds, k,
                              warming_at, engaged_at, hot_at, hysteresis
                       FROM scoring_model WHERE org_id = :orgId OFFSET 0) m ON true
            ORDER BY %s
            """;

    private static final RankedScoreMapper ROWS = new RankedScoreMapper();

    /** Statement texts by {@link #textKey}: built once each, not per request. */
    private final Map<Integer, String> texts = new ConcurrentHashMap<>();

    private final Jdbi jdbi;
    private final ScoringModels models;

    RankedReads(Jdbi jdbi, ScoringModels models) {
        this.jdbi = jdbi;
        this.models = models;
    }

    /** Up to {@code limit} rows after {@code after} (null: from the top) and the model to read them with. */
    RankedPage page(UUID orgId, UUID officerId, ScoreService.RankQuery query, RankCursor after, boolean byActivity,
                    Instant now, int limit) {
        String knownWeights = models.lastWeights(orgId);
        String sql = texts.computeIfAbsent(textKey(query, after != null, byActivity, limit),
                key -> sql(query, after != null, byActivity, limit));
        return jdbi.inTransaction(handle -> {
            RankFilters.genericPlan(handle);
            Query statement = RankFilters.bind(handle.createQuery(sql), query, now)
                    .bind("orgId", orgId)
                    .bind("officerId", officerId)
                    .bind("knownWeights", knownWeights);
            if (after != null) {
                statement.bindByType("f.afterId", after.relationshipId(), UUID.class);
                if (byActivity) {
                    statement.bindByType("f.afterActivity", after.lastActivityAt(), Instant.class);
                } else {
                    statement.bind("f.afterKey", after.rankKey());
                }
            }
            return statement.scanResultSet((results, ctx) -> read(orgId, knownWeights, results.get(), ctx, limit));
        });
    }

    /** One key per statement text: the filters given, keyset position, order and page size. */
    private static int textKey(ScoreService.RankQuery query, boolean after, boolean byActivity, int limit) {
        int shape = RankFilters.shape(query) | (after ? 16 : 0) | (byActivity ? 32 : 0);
        return shape << 16 | limit;
    }

    /**
     * The statement for this combination of filters, keyset position, order and page size (the API's page
     * sizes are 2 to 501 rows with the look-ahead row; clients use one or two of them).
     */
    static String sql(ScoreService.RankQuery query, boolean after, boolean byActivity, int limit) {
        StringBuilder rows = RankFilters.appendWhere(new StringBuilder(ROWS_FROM), query, false);
        if (byActivity) {
            // most recent activity first: an index scan on relationship_score_recent
            if (after) {
                rows.append("  AND (s.last_activity_at, s.relationship_id) < (CAST(:f.afterActivity AS timestamptz), :f.afterId)\n");
            }
            rows.append("ORDER BY s.last_activity_at DESC, s.relationship_id DESC\nLIMIT ").append(limit);
            return WITH_MODEL.formatted(rows, "r.last_activity_at DESC, r.relationship_id DESC");
        }
        // highest score first: an index scan on relationship_score_rank
        if (after) {
            rows.append("  AND (s.rank_key, s.relationship_id) < (CAST(:f.afterKey AS float8), :f.afterId)\n");
        }
        rows.append("ORDER BY s.rank_key DESC, s.relationship_id DESC\nLIMIT ").append(limit);
        return WITH_MODEL.formatted(rows, "r.rank_key DESC, r.relationship_id DESC");
    }

    private RankedPage read(UUID orgId, String knownWeights, ResultSet rs, StatementContext ctx, int limit)
            throws SQLException {
        List<RankedScore> rows = new ArrayList<>(limit);
        RowMapper<RankedScore> mapper = ROWS.specialize(rs, ctx);
        ScoringModel model = null;
        while (rs.next()) {
            if (model == null) {
                model = model(orgId, knownWeights, rs);
            }
            rows.add(mapper.map(rs, ctx));
        }
        return new RankedPage(model, rows);
    }

    private ScoringModel model(UUID orgId, String knownWeights, ResultSet rs) throws SQLException {
        int version = rs.getInt("model_now_version");
        if (rs.wasNull()) {
            return ScoringModels.DEFAULTS;
        }
        String weights = rs.getString("model_now_weights");
        // null: the stored text equals knownWeights, compared by the database in this statement
        return models.parsed(orgId, new StoredModel(version, weights == null ? knownWeights : weights, rs.getString("model_now_daily_cap"),
                rs.getDouble("model_now_half_life_seconds"), rs.getDouble("model_now_short_half_life_seconds"),
                rs.getDouble("model_now_k"),
                rs.getInt("model_now_warming_at"), rs.getInt("model_now_engaged_at"), rs.getInt("model_now_hot_at"),
                rs.getInt("model_now_hysteresis")));
    }

    /** The rows and the model they were read with; the model is null when there are no rows. */
    record RankedPage(ScoringModel model, List<RankedScore> rows) {
    }
}
