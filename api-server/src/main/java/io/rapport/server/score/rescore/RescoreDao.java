package io.rapport.server.score.rescore;

import io.rapport.server.score.write.ScoreRow;
import io.rapport.server.score.write.StoredScore;
import io.rapport.server.score.write.StoredScoreMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Recomputes a chunk of an organization's sums straight from usage_event in one set-based statement:
 * {@code Σ w·2^((tᵢ − refTime)/H)} with refTime the relationship's latest event, in total and per type,
 * the same quantities the incremental path keeps, so both give the same numbers. And the jobs' bookkeeping.
 */
@RegisterConstructorMapper(ScoreRow.class)
@RegisterConstructorMapper(RescoreJob.class)
@RegisterConstructorMapper(JobClaim.class)
public interface RescoreDao {

    @SqlQuery("""
            SELECT relationship_id FROM relationship
            WHERE org_id = :orgId AND (CAST(:after AS uuid) IS NULL OR relationship_id > :after)
            ORDER BY relationship_id LIMIT :limit
            """)
    List<UUID> nextRelationships(UUID orgId, UUID after, int limit);

    @SqlQuery("SELECT count(*) FROM relationship WHERE org_id = :orgId")
    long countRelationships(UUID orgId);

    /**
     * Purpose: recompute the chunk's rows from usage_event as ingest folds them (DESIGN §4, model 2). Events count
     * from their time but never after their receipt; a daily-capped type counts once per UTC day, at the day's
     * start; the trend's two sums take the app signals only; the next step's facts take every event at its own
     * time; the counted days of a capped type and the contributions of the last eight days are kept as ingest
     * keeps them. {@code ready_for_meeting_at} is left as it was: only an event makes a partner ready; the
     * tier, stage and 7-day change are settled in Java.
     */
    @SqlQuery("""
            WITH w AS (SELECT * FROM unnest(CAST(:types AS text[]), CAST(:weights AS float8[])) AS w(type, weight)),
            raw_ev AS (
                SELECT e.relationship_id, e.type, least(e.occurred_at, e.received_at) AS at,
                       floor(extract(epoch FROM least(e.occurred_at, e.received_at)) / 86400)::bigint AS day
                FROM usage_event e
                WHERE e.org_id = :orgId AND e.relationship_id = ANY(CAST(:ids AS uuid[]))),
            counted AS (
                SELECT relationship_id, type, at FROM raw_ev WHERE NOT (type = ANY(CAST(:capped AS text[])))
                UNION ALL
                SELECT DISTINCT relationship_id, type, to_timestamp(day * 86400) FROM raw_ev
                WHERE type = ANY(CAST(:capped AS text[]))),
            ev AS (
                SELECT c.relationship_id, c.type, COALESCE(w.weight, 0) AS weight,
                       c.type = ANY(CAST(:appSignals AS text[])) AS app, c.at,
                       (extract(epoch FROM c.at)
                        - extract(epoch FROM max(c.at) OVER (PARTITION BY c.relationship_id)))::float8 AS age
                FROM counted c LEFT JOIN w ON w.type = c.type),
            totals AS (
                SELECT relationship_id,
                       sum(weight * power(2::float8, age / :halfLife)) AS raw,
                       coalesce(sum(weight * power(2::float8, age / :shortHalfLife)) FILTER (WHERE app), 0) AS short_raw,
                       coalesce(sum(weight * power(2::float8, age / :halfLife)) FILTER (WHERE app), 0) AS app_raw,
                       max(at) AS ref_time
                FROM ev GROUP BY relationship_id),
            by_type AS (
                SELECT relationship_id, jsonb_object_agg(type, raw) AS type_raws
                FROM (SELECT relationship_id, type, sum(weight * power(2::float8, age / :halfLife)) AS raw
                      FROM ev GROUP BY relationship_id, type) t
                GROUP BY relationship_id),
            capped_days AS (
                SELECT relationship_id, jsonb_object_agg(type, bits) AS capped_days
                FROM (SELECT relationship_id, type, capped_day_bits(array_agg(DISTINCT day)) AS bits FROM raw_ev
                      WHERE type = ANY(CAST(:capped AS text[])) GROUP BY relationship_id, type) d
                GROUP BY relationship_id),
            recent AS (
                SELECT relationship_id, week_window(array_agg(at), array_agg(weight), :halfLife) AS recent
                FROM ev WHERE weight <> 0 AND at > :windowFrom
                GROUP BY relationship_id),
            uses AS (
                SELECT relationship_id, at, day, max(day) OVER (PARTITION BY relationship_id) AS last_day
                FROM raw_ev WHERE type = ANY(CAST(:realUses AS text[]))),
            use_facts AS (
                SELECT relationship_id, max(at) AS last_use_at, max(at) FILTER (WHERE day < last_day) AS previous_use_at
                FROM uses GROUP BY relationship_id),
            facts AS (
                SELECT relationship_id, max(at) AS last_activity_at,
                       max(at) FILTER (WHERE type = 'meeting_logged') AS last_meeting_at,
                       max(at) FILTER (WHERE type = 'feedback_given') AS last_feedback_at,
                       max(at) FILTER (WHERE type = 'referral_sent') AS last_referral_at,
                       (array_agg(at ORDER BY at DESC) FILTER (WHERE type = 'referral_sent'))[2] AS previous_referral_at,
                       max(at) FILTER (WHERE type = ANY(CAST(:touches AS text[]))) AS last_touch_at,
                       (array_agg(type ORDER BY at DESC, type DESC) FILTER (WHERE type = ANY(CAST(:touches AS text[]))))[1]
                           AS last_touch_type,
                       max(at) FILTER (WHERE NOT (type = ANY(CAST(:touches AS text[])))) AS last_signal_at,
                       max(at) FILTER (WHERE type = ANY(CAST(:reachOuts AS text[]))) AS last_reach_out_at,
                       (array_agg(type ORDER BY at DESC, type DESC) FILTER (WHERE type = ANY(CAST(:reachOuts AS text[]))))[1]
                           AS last_reach_out_type,
                       max(at) FILTER (WHERE type = 'app_installed') AS last_installed_at,
                       max(at) FILTER (WHERE type = 'app_uninstalled') AS last_uninstalled_at
                FROM raw_ev GROUP BY relationship_id)
            INSERT INTO relationship_score AS s (org_id, relationship_id, officer_id, partner_id, raw, short_raw, app_raw,
                    ref_time, last_activity_at, last_meeting_at, last_feedback_at, last_referral_at, previous_referral_at,
                    last_touch_at, last_touch_type, last_signal_at, last_reach_out_at, last_reach_out_type, last_use_at,
                    previous_use_at, last_installed_at, last_uninstalled_at, type_raws, capped_days, recent, model_version,
                    updated_at)
            SELECT :orgId, t.relationship_id, r.officer_id, r.partner_id, t.raw, t.short_raw, t.app_raw, t.ref_time,
                   f.last_activity_at, f.last_meeting_at, f.last_feedback_at, f.last_referral_at, f.previous_referral_at,
                   f.last_touch_at, f.last_touch_type, f.last_signal_at, f.last_reach_out_at, f.last_reach_out_type,
                   u.last_use_at, u.previous_use_at, f.last_installed_at, f.last_uninstalled_at, b.type_raws,
                   coalesce(cd.capped_days, '{}'::jsonb), coalesce(rc.recent, '{"e": []}'::jsonb), :modelVersion, :now
            FROM totals t JOIN by_type b ON b.relationship_id = t.relationship_id
                 JOIN facts f ON f.relationship_id = t.relationship_id
                 LEFT JOIN use_facts u ON u.relationship_id = t.relationship_id
                 LEFT JOIN capped_days cd ON cd.relationship_id = t.relationship_id
                 LEFT JOIN recent rc ON rc.relationship_id = t.relationship_id
                 JOIN relationship r ON r.org_id = :orgId AND r.relationship_id = t.relationship_id
            ORDER BY t.relationship_id
            ON CONFLICT (org_id, relationship_id) DO UPDATE SET
                raw = EXCLUDED.raw, short_raw = EXCLUDED.short_raw, app_raw = EXCLUDED.app_raw, ref_time = EXCLUDED.ref_time,
                last_activity_at = EXCLUDED.last_activity_at, last_meeting_at = EXCLUDED.last_meeting_at,
                last_feedback_at = EXCLUDED.last_feedback_at, last_referral_at = EXCLUDED.last_referral_at,
                previous_referral_at = EXCLUDED.previous_referral_at, last_touch_at = EXCLUDED.last_touch_at,
                last_touch_type = EXCLUDED.last_touch_type, last_signal_at = EXCLUDED.last_signal_at,
                last_reach_out_at = EXCLUDED.last_reach_out_at, last_reach_out_type = EXCLUDED.last_reach_out_type,
                last_use_at = EXCLUDED.last_use_at, previous_use_at = EXCLUDED.previous_use_at,
                last_installed_at = EXCLUDED.last_installed_at, last_uninstalled_at = EXCLUDED.last_uninstalled_at,
                type_raws = EXCLUDED.type_raws, capped_days = EXCLUDED.capped_days, recent = EXCLUDED.recent,
                model_version = EXCLUDED.model_version, updated_at = EXCLUDED.updated_at
            RETURNING s.*
            """)
    @RegisterRowMapper(StoredScoreMapper.class)
    List<StoredScore> recomputeTotals(UUID orgId, UUID[] ids, String[] types, Double[] weights, String[] capped,
                                      String[] appSignals, String[] touches, String[] reachOuts, String[] realUses,
                                      double halfLife, double shortHalfLife, int modelVersion, Instant windowFrom,
                                      Instant now);

    @SqlQuery("SELECT count(*) FROM usage_event WHERE org_id = :orgId AND relationship_id = ANY(CAST(:ids AS uuid[]))")
    long countEvents(UUID orgId, UUID[] ids);

    String JOB = """
            job_id, status, model_version, relationships, events, done, total, created_at, started_at, finished_at,
            error_code
            """;

    /**
     * Empty when the organization already has an unfinished job (the partial unique index). The job is leased to
     * the node that queues it from the start: another node's look for unheld jobs, running between this commit
     * and the queuing node's claim, would otherwise take it (RescoreTakeoverIT saw that on a loaded machine).
     */
    @SqlQuery("""
            INSERT INTO rescore_job (org_id, job_id, status, model_version, relationships, events, done, created_at,
                                     lease_owner, lease_until)
            VALUES (:orgId, :jobId, 'queued', :modelVersion, 0, 0, 0, :now, :owner, :until)
            ON CONFLICT (org_id) WHERE status IN ('queued', 'running') DO NOTHING
            RETURNING\s""" + JOB)
    Optional<RescoreJob> insertQueued(UUID orgId, UUID jobId, int modelVersion, String owner, Instant now, Instant until);

    @SqlQuery("SELECT " + JOB + " FROM rescore_job WHERE org_id = :orgId AND status IN ('queued', 'running')")
    Optional<RescoreJob> findUnfinished(UUID orgId);

    @SqlQuery("SELECT " + JOB + " FROM rescore_job WHERE org_id = :orgId AND job_id = :jobId")
    Optional<RescoreJob> findJob(UUID orgId, UUID jobId);

    /**
     * Takes this job if it is unfinished and nobody else holds it (its lease, if any, has run out, or it is the
     * caller's own from queuing it). Empty when another node holds it or it has finished.
     */
    @SqlQuery("""
            UPDATE rescore_job SET lease_owner = :owner, lease_until = :until
            WHERE org_id = :orgId AND job_id = :jobId AND status IN ('queued', 'running')
              AND (lease_until IS NULL OR lease_until <= :now OR lease_owner = :owner)
            RETURNING org_id, job_id, model_version, resume_after
            """)
    Optional<JobClaim> claim(UUID orgId, UUID jobId, String owner, Instant now, Instant until);

    /** Takes the oldest unfinished job nobody holds, of any organization; other nodes' claims are skipped. */
    @SqlQuery("""
            UPDATE rescore_job j SET lease_owner = :owner, lease_until = :until
            FROM (SELECT org_id, job_id FROM rescore_job
                  WHERE status IN ('queued', 'running') AND (lease_until IS NULL OR lease_until <= :now)
                  ORDER BY created_at LIMIT 1
                  FOR UPDATE SKIP LOCKED) c
            WHERE j.org_id = c.org_id AND j.job_id = c.job_id
            RETURNING j.org_id, j.job_id, j.model_version, j.resume_after
            """)
    Optional<JobClaim> claimAny(String owner, Instant now, Instant until);

    /** The first start keeps its time; the total is counted again by whichever node carries the job on. */
    @SqlUpdate("""
            UPDATE rescore_job SET status = 'running', started_at = COALESCE(started_at, :now), total = :total
            WHERE org_id = :orgId AND job_id = :jobId AND lease_owner = :owner
            """)
    int markRunning(UUID orgId, UUID jobId, long total, String owner, Instant now);

    /** Starts the count again, for a job that must apply a newer model than the one it began with. */
    @SqlUpdate("""
            UPDATE rescore_job SET model_version = :modelVersion, done = 0, relationships = 0, events = 0, total = :total,
                   resume_after = NULL
            WHERE org_id = :orgId AND job_id = :jobId
            """)
    void restart(UUID orgId, UUID jobId, int modelVersion, long total);

    /**
     * Records a step, where the job now stands and a renewed lease, in the step's transaction. 0 when
     * this node no longer holds the job: the caller must roll the step back and stop.
     */
    @SqlUpdate("""
            UPDATE rescore_job SET done = done + :done, relationships = relationships + :relationships,
                   events = events + :events, total = greatest(total, done + :done), resume_after = :after,
                   lease_until = :until
            WHERE org_id = :orgId AND job_id = :jobId AND lease_owner = :owner
            """)
    int progress(UUID orgId, UUID jobId, long done, int relationships, long events, UUID after, String owner,
                 Instant until);

    @SqlUpdate("""
            UPDATE rescore_job SET status = :status, finished_at = :now, error_code = :errorCode,
                   lease_owner = NULL, lease_until = NULL
            WHERE org_id = :orgId AND job_id = :jobId AND lease_owner = :owner
            """)
    void finish(UUID orgId, UUID jobId, String status, String errorCode, String owner, Instant now);

    /** Lets another node take the job over at once (this one is stopping). */
    @SqlUpdate("""
            UPDATE rescore_job SET lease_owner = NULL, lease_until = NULL
            WHERE org_id = :orgId AND job_id = :jobId AND lease_owner = :owner
            """)
    void release(UUID orgId, UUID jobId, String owner);
}
