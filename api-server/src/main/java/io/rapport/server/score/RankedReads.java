package io.rapport.server.score;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A page of an officer's ranked list in one statement: the score rows together with the organization's
 * scoring model, read in the same snapshot, so the page is filtered and scored with one model even while
 * it changes. The model's columns repeat on every row of the page; only the first row's are read, and
 * {@link ScoringModels} parses the weights only when they differ from the last ones parsed for the
 * organization.
 *
 * <p>Through Jdbi's fluent API rather than a SqlObject: the on-demand SqlObject call built its
 * per-method configuration and handlers on every request (JFR, {@code ExtensionHandlerInvoker},
 * {@code ObjectPropertyNamedArgumentFinder}), and a second statement for the model cost as much again.
 */
final class RankedReads {
    /**
     * The officer's rows; the trend filter's half-lives ({@code mh}) are the stored model's or the defaults,
     * uncorrelated subqueries that PostgreSQL evaluates once, so the plan stays the index scan it was.
     */
    private static final String OFFICER_ROWS = """
            SELECT s.*, p.name AS partner_name, p.type AS partner_type
            FROM relationship_score s
            JOIN partner p ON p.org_id = s.org_id AND p.partner_id = s.partner_id
            CROSS JOIN (SELECT coalesce((SELECT half_life_seconds FROM scoring_model WHERE org_id = :orgId),
                                        :defaultHalfLife) AS half_life_seconds,
                               coalesce((SELECT short_half_life_seconds FROM scoring_model WHERE org_id = :orgId),
                                        :defaultShortHalfLife) AS short_half_life_seconds) mh
            WHERE s.org_id = :orgId AND s.officer_id = :officerId
            """;

    /** The page's rows, each with the stored model's columns (nulls when there is none), in the page's order. */
    private static final String WITH_MODEL = """
            SELECT r.*, m.version AS model_now_version, CAST(m.weights AS text) AS model_now_weights,
                   m.half_life_seconds AS model_now_half_life_seconds,
                   m.short_half_life_seconds AS model_now_short_half_life_seconds, m.k AS model_now_k,
                   m.warming_at AS model_now_warming_at, m.engaged_at AS model_now_engaged_at,
                   m.hot_at AS model_now_hot_at, m.hysteresis AS model_now_hysteresis
            FROM (%s) r
            LEFT JOIN scoring_model m ON m.org_id = :orgId
            ORDER BY %s
            """;

    /** Highest score first: an index scan on relationship_score_rank. */
    private static final String BY_SCORE = WITH_MODEL.formatted(OFFICER_ROWS + ScoreReadDao.FILTERS + """
              AND (CAST(:f.afterKey AS float8) IS NULL OR (s.rank_key, s.relationship_id) < (:f.afterKey, :f.afterId))
            ORDER BY s.rank_key DESC, s.relationship_id DESC
            LIMIT :limit
            """, "r.rank_key DESC, r.relationship_id DESC");

    /** Most recent activity first: an index scan on relationship_score_recent. */
    private static final String BY_ACTIVITY = WITH_MODEL.formatted(OFFICER_ROWS + ScoreReadDao.FILTERS + """
              AND (CAST(:f.afterActivity AS timestamptz) IS NULL
                   OR (s.last_activity_at, s.relationship_id) < (CAST(:f.afterActivity AS timestamptz), :f.afterId))
            ORDER BY s.last_activity_at DESC, s.relationship_id DESC
            LIMIT :limit
            """, "r.last_activity_at DESC, r.relationship_id DESC");

    private static final RankedScoreMapper ROWS = new RankedScoreMapper();

    private final Jdbi jdbi;
    private final ScoringModels models;

    RankedReads(Jdbi jdbi, ScoringModels models) {
        this.jdbi = jdbi;
        this.models = models;
    }

    /** Up to {@code limit} rows after {@code after} (null: from the top) and the model to read them with. */
    RankedPage page(UUID orgId, UUID officerId, ScoreService.RankQuery query, RankCursor after, boolean byActivity,
                    Instant now, int limit) {
        ScoringModel defaults = ScoringModels.DEFAULTS;
        return jdbi.withHandle(handle -> {
            Query statement = handle.createQuery(byActivity ? BY_ACTIVITY : BY_SCORE)
                    .bind("orgId", orgId)
                    .bind("officerId", officerId)
                    .bind("defaultHalfLife", Decay.seconds(defaults.halfLife()))
                    .bind("defaultShortHalfLife", Decay.seconds(defaults.shortHalfLife()))
                    .bind("f.tier", query.tier())
                    .bind("f.stage", query.stage())
                    .bind("f.trend", query.trend())
                    .bind("f.partnerType", query.partnerType())
                    .bindByType("f.now", now, Instant.class)
                    .bindByType("f.afterId", after == null ? null : after.relationshipId(), UUID.class)
                    .bind("limit", limit);
            if (byActivity) {
                statement.bindByType("f.afterActivity", after == null ? null : after.lastActivityAt(), Instant.class);
            } else {
                statement.bind("f.afterKey", after == null ? null : after.rankKey());
            }
            return statement.scanResultSet((results, ctx) -> read(orgId, results.get(), ctx, limit));
        });
    }

    private RankedPage read(UUID orgId, ResultSet rs, StatementContext ctx, int limit) throws SQLException {
        List<RankedScore> rows = new ArrayList<>(limit);
        RowMapper<RankedScore> mapper = ROWS.specialize(rs, ctx);
        ScoringModel model = null;
        while (rs.next()) {
            if (model == null) {
                model = model(orgId, rs);
            }
            rows.add(mapper.map(rs, ctx));
        }
        return new RankedPage(model, rows);
    }

    private ScoringModel model(UUID orgId, ResultSet rs) throws SQLException {
        int version = rs.getInt("model_now_version");
        if (rs.wasNull()) {
            return ScoringModels.DEFAULTS;
        }
        return models.parsed(orgId, new StoredModel(version, rs.getString("model_now_weights"),
                rs.getDouble("model_now_half_life_seconds"), rs.getDouble("model_now_short_half_life_seconds"),
                rs.getDouble("model_now_k"),
                rs.getInt("model_now_warming_at"), rs.getInt("model_now_engaged_at"), rs.getInt("model_now_hot_at"),
                rs.getInt("model_now_hysteresis")));
    }

    /** The rows and the model they were read with; the model is null when there are no rows. */
    record RankedPage(ScoringModel model, List<RankedScore> rows) {
    }
}
