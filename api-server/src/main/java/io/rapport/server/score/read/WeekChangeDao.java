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

    /** One set-based read for all the given relationships, each through its usage_event_timeline range. */
    @SqlQuery("""
            WITH w AS (SELECT * FROM unnest(CAST(:types AS text[]), CAST(:weights AS float8[])) AS w(type, weight))
            SELECT e.relationship_id,
                   sum(w.weight * power(2::float8, (extract(epoch FROM e.occurred_at)
                       - extract(epoch FROM CAST(:now AS timestamptz)))::float8 / :halfLife)) AS interest
            FROM usage_event e JOIN w ON w.type = e.type
            WHERE e.org_id = :orgId AND e.relationship_id = ANY(CAST(:ids AS uuid[])) AND e.occurred_at > :since
            GROUP BY e.relationship_id
            """)
    List<WindowInterest> windowInterest(UUID orgId, UUID[] ids, String[] types, Double[] weights, Instant since,
                                        Instant now, double halfLife);

    /** Every filtered row of the officer, unordered: the change sort ranks them in Java. */
    @SqlQuery(ScoreReadDao.OFFICER_ROWS + ScoreReadDao.FILTERS)
    List<RankedScore> officerRows(UUID orgId, UUID officerId, @BindMethods("f") ScoreReadDao.RankFilter filter);
}
