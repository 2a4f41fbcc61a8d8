package io.rapport.server.score.model;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(StoredModel.class)
public interface ScoringModelDao {
    String COLUMNS = "version, weights::text AS weights, daily_cap::text AS daily_cap, half_life_seconds, short_half_life_seconds, k, warming_at, engaged_at, hot_at, hysteresis";

    @SqlQuery("SELECT " + COLUMNS + " FROM scoring_model WHERE org_id = :orgId")
    Optional<StoredModel> find(UUID orgId);

    @SqlQuery("SELECT " + COLUMNS + " FROM scoring_model WHERE org_id = :orgId FOR SHARE")
    Optional<StoredModel> findForShare(UUID orgId);

    @SqlQuery("SELECT " + COLUMNS + " FROM scoring_model WHERE org_id = :orgId FOR UPDATE")
    Optional<StoredModel> findForUpdate(UUID orgId);

    /** Writes the model as given, keeping an existing row (the defaults seeded on first use). */
    @SqlUpdate("""
            INSERT INTO scoring_model (org_id, version, weights, daily_cap, half_life_seconds, short_half_life_seconds, k, warming_at,
                                       engaged_at, hot_at, hysteresis, updated_at)
            VALUES (:orgId, :m.version, CAST(:m.weights AS jsonb), CAST(:m.dailyCap AS jsonb), :m.halfLifeSeconds, :m.shortHalfLifeSeconds, :m.k,
                    :m.warmingAt, :m.engagedAt, :m.hotAt, :m.hysteresis, :now)
            ON CONFLICT (org_id) DO NOTHING
            """)
    void insertIfAbsent(UUID orgId, @BindMethods("m") StoredModel model, Instant now);

    @SqlUpdate("""
            UPDATE scoring_model SET version = :m.version, weights = CAST(:m.weights AS jsonb),
                   daily_cap = CAST(:m.dailyCap AS jsonb),
                   half_life_seconds = :m.halfLifeSeconds, short_half_life_seconds = :m.shortHalfLifeSeconds, k = :m.k,
                   warming_at = :m.warmingAt, engaged_at = :m.engagedAt, hot_at = :m.hotAt, hysteresis = :m.hysteresis,
                   updated_at = :now
            WHERE org_id = :orgId
            """)
    void update(UUID orgId, @BindMethods("m") StoredModel model, Instant now);
}
