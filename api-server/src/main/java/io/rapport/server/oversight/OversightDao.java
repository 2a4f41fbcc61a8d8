package io.rapport.server.oversight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Aggregates over a set of officers (a branch's, or the whole organization's). */
@RegisterConstructorMapper(OversightDao.OfficerRef.class)
@RegisterConstructorMapper(OversightDao.Bucket.class)
@RegisterConstructorMapper(OversightDao.Move.class)
@RegisterConstructorMapper(OversightDao.OfficerFigures.class)
public interface OversightDao {

    record OfficerRef(UUID officerId, String displayName) {
    }

    record Bucket(String tier, String stage, int count) {
    }

    record Move(String fromValue, String toValue) {
    }

    record OfficerFigures(UUID officerId, int relationships, int engaged, int engagedWithFeedback, int meetingWeeks) {
    }

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM branch WHERE org_id = :orgId AND branch_id = :branchId)")
    boolean branchExists(UUID orgId, UUID branchId);

    @SqlQuery("""
            SELECT officer_id, display_name FROM officer
            WHERE org_id = :orgId AND (CAST(:branchId AS uuid) IS NULL OR branch_id = :branchId)
            ORDER BY display_name, officer_id
            """)
    List<OfficerRef> officers(UUID orgId, UUID branchId);

    @SqlQuery("""
            SELECT tier, stage, count(*) AS count FROM relationship_score
            WHERE org_id = :orgId AND officer_id = ANY(:officerIds)
            GROUP BY tier, stage
            """)
    List<Bucket> buckets(UUID orgId, UUID[] officerIds);

    /** Erased partners' moves count too, from their anonymous copies (privacy.ErasureService). */
    @SqlQuery("""
            SELECT from_value, to_value FROM score_change
            WHERE org_id = :orgId AND officer_id = ANY(:officerIds) AND kind = 'tier' AND changed_at >= :since
            UNION ALL
            SELECT from_value, to_value FROM erased_tier_move
            WHERE org_id = :orgId AND officer_id = ANY(:officerIds) AND changed_at >= :since
            """)
    List<Move> tierMoves(UUID orgId, UUID[] officerIds, Instant since);

    /** Erased partners' referrals count too, from their anonymous copies. */
    @SqlQuery("""
            SELECT (SELECT count(*) FROM usage_event
                    WHERE org_id = :orgId AND officer_id = ANY(:officerIds) AND type = 'referral_sent'
                      AND occurred_at >= :since AND occurred_at <= :now)
                 + (SELECT count(*) FROM erased_activity
                    WHERE org_id = :orgId AND officer_id = ANY(:officerIds) AND type = 'referral_sent'
                      AND occurred_at >= :since AND occurred_at <= :now)
            """)
    int referrals(UUID orgId, UUID[] officerIds, Instant since, Instant now);

    /**
     * Per officer: relationships, engaged-or-better ones, those of them with feedback since
     * :feedbackSince, and the number of distinct 7-day weeks back from :now holding a meeting (erased partners'
     * meetings included, from their anonymous copies).
     */
    @SqlQuery("""
            SELECT o.officer_id,
                   (SELECT count(*) FROM relationship_score s WHERE s.org_id = :orgId AND s.officer_id = o.officer_id) AS relationships,
                   (SELECT count(*) FROM relationship_score s WHERE s.org_id = :orgId AND s.officer_id = o.officer_id
                       AND s.tier IN ('engaged', 'hot')) AS engaged,
                   (SELECT count(*) FROM relationship_score s WHERE s.org_id = :orgId AND s.officer_id = o.officer_id
                       AND s.tier IN ('engaged', 'hot') AND s.last_feedback_at >= :feedbackSince) AS engaged_with_feedback,
                   (SELECT count(DISTINCT floor((extract(epoch FROM CAST(:now AS timestamptz)) - extract(epoch FROM e.occurred_at)) / 604800))
                    FROM (SELECT occurred_at FROM usage_event
                          WHERE org_id = :orgId AND officer_id = o.officer_id AND type = 'meeting_logged'
                            AND occurred_at > :weeksSince AND occurred_at <= :now
                          UNION ALL
                          SELECT occurred_at FROM erased_activity
                          WHERE org_id = :orgId AND officer_id = o.officer_id AND type = 'meeting_logged'
                            AND occurred_at > :weeksSince AND occurred_at <= :now) e) AS meeting_weeks
            FROM unnest(:officerIds) AS o(officer_id)
            """)
    List<OfficerFigures> officerFigures(UUID orgId, UUID[] officerIds, Instant now, Instant feedbackSince, Instant weeksSince);
}
