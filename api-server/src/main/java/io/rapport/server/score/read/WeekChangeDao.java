package io.rapport.server.score.read;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The reads behind {@code scoreChange7d}: the window's events per relationship, and the change sort's rows. */
@RegisterConstructorMapper(RankedScore.class)
@RegisterConstructorMapper(WeekChangeDao.WindowInterest.class)
public interface WeekChangeDao {

    /** {@code Σ wᵢ·2^(−(now − tᵢ)/H)} over a relationship's events after {@code since}. */
    record WindowInterest(UUID relationshipId, double interest) {
    }

    /**
     * One set-based read for all the given relationships, each through its usage_event_timeline range. Events
     * count as scoring counts them (never after receipt; a daily-capped type once a day, at the day's start), and
     * are in the window when they count from after {@code since}.
     */
    @SqlQuery("""
            WITH w AS (SELECT * FROM unnest(CAST(:types AS text[]), CAST(:weights AS float8[])) AS w(type, weight)),
            raw_ev AS (
                SELECT e.relationship_id, e.type, least(e.occurred_at, e.received_at) AS at
                FROM usage_event e
                WHERE e.org_id = :orgId AND e.relationship_id = ANY(CAST(:ids AS uuid[])) AND e.occurred_at > :since),
            counted AS (
                SELECT relationship_id, type, at FROM raw_ev WHERE NOT (type = ANY(CAST(:capped AS text[])))
                UNION ALL
                SELECT DISTINCT relationship_id, type, to_timestamp(floor(extract(epoch FROM at) / 86400) * 86400)
                FROM raw_ev WHERE type = ANY(CAST(:capped AS text[])))
            SELECT c.relationship_id,
                   sum(w.weight * power(2::float8, (extract(epoch FROM c.at)
                       - extract(epoch FROM CAST(:now AS timestamptz)))::float8 / :halfLife)) AS interest
            FROM counted c JOIN w ON w.type = c.type
            WHERE c.at > :since
            GROUP BY c.relationship_id
            """)
    List<WindowInterest> windowInterest(UUID orgId, UUID[] ids, String[] types, Double[] weights, String[] capped,
                                        Instant since, Instant now, double halfLife);

    /** Every filtered row of the officer, unordered: the change sort ranks them in Java. */
    @SqlQuery(ScoreReadDao.OFFICER_ROWS + ScoreReadDao.FILTERS)
    List<RankedScore> officerRows(UUID orgId, UUID officerId, @BindMethods("f") ScoreReadDao.RankFilter filter);
}
