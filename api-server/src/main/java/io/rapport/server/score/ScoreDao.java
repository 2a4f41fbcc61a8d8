package io.rapport.server.score;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The incremental path. Each statement takes a whole batch as arrays, one row per relationship (or per
 * relationship and type), already folded in Java; the database merges it into the stored sum with the
 * same arithmetic: decay both to the later reference time and add. Rows are fed in key order so
 * concurrent batches lock shared rows in the same order and serialise on them instead of deadlocking.
 */
@RegisterConstructorMapper(ScoreRow.class)
@RegisterConstructorMapper(TypeSum.class)
public interface ScoreDao {

    @SqlQuery("""
            INSERT INTO relationship_score AS s (org_id, relationship_id, officer_id, partner_id, raw, short_raw, ref_time,
                    last_activity_at, last_meeting_at, last_feedback_at, last_referral_at, previous_referral_at,
                    model_version, updated_at)
            SELECT :orgId, b.relationship_id, b.officer_id, b.partner_id, b.raw, b.short_raw, b.ref_time,
                   b.ref_time, b.last_meeting_at, b.last_feedback_at, b.last_referral_at, b.previous_referral_at,
                   :modelVersion, :now
            FROM unnest(:relationshipIds, :officerIds, :partnerIds, :raws, :shortRaws,
                        CAST(:refTimes AS timestamptz[]), CAST(:meetings AS timestamptz[]),
                        CAST(:feedbacks AS timestamptz[]), CAST(:lastReferrals AS timestamptz[]),
                        CAST(:previousReferrals AS timestamptz[]))
                 AS b(relationship_id, officer_id, partner_id, raw, short_raw, ref_time, last_meeting_at,
                      last_feedback_at, last_referral_at, previous_referral_at)
            ORDER BY b.relationship_id
            ON CONFLICT (org_id, relationship_id) DO UPDATE SET
                raw = s.raw * power(2::float8, (extract(epoch FROM s.ref_time) - extract(epoch FROM greatest(s.ref_time, EXCLUDED.ref_time)))::float8 / :halfLife)
                    + EXCLUDED.raw * power(2::float8, (extract(epoch FROM EXCLUDED.ref_time) - extract(epoch FROM greatest(s.ref_time, EXCLUDED.ref_time)))::float8 / :halfLife),
                short_raw = s.short_raw * power(2::float8, (extract(epoch FROM s.ref_time) - extract(epoch FROM greatest(s.ref_time, EXCLUDED.ref_time)))::float8 / :shortHalfLife)
                    + EXCLUDED.short_raw * power(2::float8, (extract(epoch FROM EXCLUDED.ref_time) - extract(epoch FROM greatest(s.ref_time, EXCLUDED.ref_time)))::float8 / :shortHalfLife),
                ref_time = greatest(s.ref_time, EXCLUDED.ref_time),
                last_activity_at = greatest(s.last_activity_at, EXCLUDED.last_activity_at),
                last_meeting_at = greatest(s.last_meeting_at, EXCLUDED.last_meeting_at),
                last_feedback_at = greatest(s.last_feedback_at, EXCLUDED.last_feedback_at),
                last_referral_at = greatest(s.last_referral_at, EXCLUDED.last_referral_at),
                previous_referral_at = (SELECT r FROM unnest(ARRAY[s.last_referral_at, s.previous_referral_at,
                                                                   EXCLUDED.last_referral_at, EXCLUDED.previous_referral_at]) AS r
                                        WHERE r IS NOT NULL ORDER BY r DESC OFFSET 1 LIMIT 1),
                updated_at = EXCLUDED.updated_at
            RETURNING s.org_id, s.relationship_id, s.officer_id, s.partner_id, s.raw, s.short_raw, s.ref_time,
                      s.last_activity_at, s.last_meeting_at, s.last_feedback_at, s.last_referral_at,
                      s.previous_referral_at, s.tier, s.stage, s.due_at, s.rank_key, s.model_version
            """)
    List<ScoreRow> mergeTotals(UUID orgId, UUID[] relationshipIds, UUID[] officerIds, UUID[] partnerIds, Double[] raws,
                               Double[] shortRaws, String[] refTimes, String[] meetings, String[] feedbacks,
                               String[] lastReferrals, String[] previousReferrals, double halfLife, double shortHalfLife,
                               int modelVersion, Instant now);

    @SqlUpdate("""
            INSERT INTO relationship_type_score AS t (org_id, relationship_id, type, raw, ref_time)
            SELECT :orgId, b.relationship_id, b.type, b.raw, b.ref_time
            FROM unnest(:relationshipIds, :types, :raws, CAST(:refTimes AS timestamptz[])) AS b(relationship_id, type, raw, ref_time)
            ORDER BY b.relationship_id, b.type
            ON CONFLICT (org_id, relationship_id, type) DO UPDATE SET
                raw = t.raw * power(2::float8, (extract(epoch FROM t.ref_time) - extract(epoch FROM greatest(t.ref_time, EXCLUDED.ref_time)))::float8 / :halfLife)
                    + EXCLUDED.raw * power(2::float8, (extract(epoch FROM EXCLUDED.ref_time) - extract(epoch FROM greatest(t.ref_time, EXCLUDED.ref_time)))::float8 / :halfLife),
                ref_time = greatest(t.ref_time, EXCLUDED.ref_time)
            """)
    void mergeTypes(UUID orgId, UUID[] relationshipIds, String[] types, Double[] raws, String[] refTimes, double halfLife);

    /** What only Java computes (hysteresis, the rounded crossing) written back to rows the merge has locked. */
    @SqlUpdate("""
            UPDATE relationship_score s
               SET tier = b.tier, stage = b.stage, due_at = b.due_at, rank_key = b.rank_key
            FROM unnest(:relationshipIds, :tiers, :stages, CAST(:dueAts AS timestamptz[]), :rankKeys)
                 AS b(relationship_id, tier, stage, due_at, rank_key)
            WHERE s.org_id = :orgId AND s.relationship_id = b.relationship_id
            """)
    void settle(UUID orgId, UUID[] relationshipIds, String[] tiers, String[] stages, String[] dueAts, Double[] rankKeys);

    @SqlQuery("SELECT * FROM relationship_score WHERE org_id = :orgId AND relationship_id = :relationshipId")
    Optional<ScoreRow> find(UUID orgId, UUID relationshipId);

    @SqlQuery("SELECT type, raw, ref_time FROM relationship_type_score WHERE org_id = :orgId AND relationship_id = :relationshipId")
    List<TypeSum> typeSums(UUID orgId, UUID relationshipId);

    /** Due rows of any organization; rows another sweeper holds are skipped, not waited for. */
    @SqlQuery("""
            SELECT * FROM relationship_score
            WHERE due_at <= :now
            ORDER BY due_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """)
    List<ScoreRow> lockDue(Instant now, int limit);
}
