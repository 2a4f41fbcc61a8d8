package io.rapport.server.score;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Recomputes an organization's sums straight from usage_event, one set-based statement per table:
 * {@code Σ w·2^((tᵢ − refTime)/H)} with refTime the latest event, the same quantity the incremental
 * path keeps, so both give the same numbers.
 */
@RegisterConstructorMapper(ScoreRow.class)
@RegisterConstructorMapper(RescoreJob.class)
public interface RescoreDao {

    @SqlQuery("""
            WITH w AS (SELECT * FROM unnest(CAST(:types AS text[]), CAST(:weights AS float8[])) AS w(type, weight)),
            ev AS (
                SELECT e.relationship_id, e.type, e.occurred_at, COALESCE(w.weight, 0) AS weight,
                       max(e.occurred_at) OVER (PARTITION BY e.relationship_id) AS ref_time
                FROM usage_event e LEFT JOIN w ON w.type = e.type
                WHERE e.org_id = :orgId)
            INSERT INTO relationship_score AS s (org_id, relationship_id, officer_id, partner_id, raw, short_raw, ref_time,
                    last_activity_at, last_meeting_at, last_feedback_at, last_referral_at, previous_referral_at,
                    model_version, updated_at)
            SELECT :orgId, ev.relationship_id, r.officer_id, r.partner_id,
                   sum(ev.weight * power(2::float8, (extract(epoch FROM ev.occurred_at) - extract(epoch FROM ev.ref_time))::float8 / :halfLife)),
                   sum(ev.weight * power(2::float8, (extract(epoch FROM ev.occurred_at) - extract(epoch FROM ev.ref_time))::float8 / :shortHalfLife)),
                   max(ev.ref_time), max(ev.ref_time),
                   max(ev.occurred_at) FILTER (WHERE ev.type = 'meeting_logged'),
                   max(ev.occurred_at) FILTER (WHERE ev.type = 'feedback_given'),
                   max(ev.occurred_at) FILTER (WHERE ev.type = 'referral_sent'),
                   (array_agg(ev.occurred_at ORDER BY ev.occurred_at DESC) FILTER (WHERE ev.type = 'referral_sent'))[2],
                   :modelVersion, :now
            FROM ev JOIN relationship r ON r.org_id = :orgId AND r.relationship_id = ev.relationship_id
            GROUP BY ev.relationship_id, r.officer_id, r.partner_id
            ORDER BY ev.relationship_id
            ON CONFLICT (org_id, relationship_id) DO UPDATE SET
                raw = EXCLUDED.raw, short_raw = EXCLUDED.short_raw, ref_time = EXCLUDED.ref_time,
                last_activity_at = EXCLUDED.last_activity_at, last_meeting_at = EXCLUDED.last_meeting_at,
                last_feedback_at = EXCLUDED.last_feedback_at, last_referral_at = EXCLUDED.last_referral_at,
                previous_referral_at = EXCLUDED.previous_referral_at, model_version = EXCLUDED.model_version,
                updated_at = EXCLUDED.updated_at
            RETURNING s.org_id, s.relationship_id, s.officer_id, s.partner_id, s.raw, s.short_raw, s.ref_time,
                      s.last_activity_at, s.last_meeting_at, s.last_feedback_at, s.last_referral_at,
                      s.previous_referral_at, s.tier, s.stage, s.due_at, s.rank_key, s.model_version
            """)
    List<ScoreRow> recomputeTotals(UUID orgId, String[] types, Double[] weights, double halfLife, double shortHalfLife,
                                   int modelVersion, Instant now);

    @SqlUpdate("DELETE FROM relationship_type_score WHERE org_id = :orgId")
    void deleteTypeSums(UUID orgId);

    @SqlUpdate("""
            WITH w AS (SELECT * FROM unnest(CAST(:types AS text[]), CAST(:weights AS float8[])) AS w(type, weight))
            INSERT INTO relationship_type_score (org_id, relationship_id, type, raw, ref_time)
            SELECT :orgId, x.relationship_id, x.type,
                   sum(x.weight * power(2::float8, (extract(epoch FROM x.occurred_at) - extract(epoch FROM x.type_ref))::float8 / :halfLife)),
                   max(x.type_ref)
            FROM (SELECT e.relationship_id, e.type, e.occurred_at, COALESCE(w.weight, 0) AS weight,
                         max(e.occurred_at) OVER (PARTITION BY e.relationship_id, e.type) AS type_ref
                  FROM usage_event e LEFT JOIN w ON w.type = e.type
                  WHERE e.org_id = :orgId) x
            GROUP BY x.relationship_id, x.type
            """)
    void recomputeTypeSums(UUID orgId, String[] types, Double[] weights, double halfLife);

    @SqlQuery("SELECT count(*) FROM usage_event WHERE org_id = :orgId")
    long countEvents(UUID orgId);

    @SqlUpdate("""
            INSERT INTO rescore_job (org_id, job_id, status, model_version, relationships, events, created_at, finished_at)
            VALUES (:orgId, :j.jobId, :j.status, :j.modelVersion, :j.relationships, :j.events, :j.createdAt, :j.finishedAt)
            """)
    void insertJob(UUID orgId, @org.jdbi.v3.sqlobject.customizer.BindMethods("j") RescoreJob job);

    @SqlQuery("SELECT * FROM rescore_job WHERE org_id = :orgId AND job_id = :jobId")
    Optional<RescoreJob> findJob(UUID orgId, UUID jobId);
}
