package io.rapport.server.score.write;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The incremental path. Ingest locks the batch's score rows (in key order, so concurrent batches on
 * shared rows serialise instead of deadlocking), folds the events into them in Java and writes each
 * row once with everything that changed: sums, per-type sums, stage facts, tier, stage, due time and
 * ranking key. Each statement takes the whole batch as arrays; times travel as epoch microseconds.
 */
@RegisterRowMapper(StoredScoreMapper.class)
public interface ScoreDao {

    /**
     * The stored rows of these relationships, locked until the transaction ends, each with the address of the
     * version locked; absent ones are not returned. Locked in key order, one index lookup per key (a nested
     * loop over the sorted keys): a plain index scan marks the dead versions it meets so the next batch skips
     * them, where one bitmap scan over all the keys visited every dead version an update-heavy table keeps
     * between vacuums.
     */
    @SqlQuery("""
            SELECT s.* FROM (SELECT id FROM unnest(:relationshipIds) AS u(id) ORDER BY id) AS k
            CROSS JOIN LATERAL (SELECT ctid::text AS locked_ctid, * FROM relationship_score
                                WHERE org_id = :orgId AND relationship_id = k.id
                                FOR UPDATE) AS s
            """)
    @RegisterRowMapper(LockedScoreMapper.class)
    List<LockedScore> lock(UUID orgId, UUID[] relationshipIds);

    /** The arrays a batch's columns come from, one element per row. */
    String ARRAYS = """
            :w.relationshipIds, :w.officerIds, :w.partnerIds, :w.raws, :w.shortRaws, :w.refTimes, :w.lastActivities,
            :w.meetings, :w.feedbacks, :w.lastReferrals, :w.previousReferrals, CAST(:w.typeRaws AS jsonb[]),
            :w.tiers, :w.stages, :w.dueAts, :w.rankKeys, :w.appRaws, :w.lastTouches, :w.lastTouchTypes,
            :w.lastSignals, :w.lastReachOuts, :w.lastReachOutTypes, :w.lastUses, :w.previousUses, :w.lastInstalls,
            :w.lastUninstalls, :w.readyForMeetings, CAST(:w.cappedDays AS jsonb[]), CAST(:w.recents AS jsonb[]),
            CAST(:w.changes AS smallint[]), CAST(:w.changeScores AS smallint[]), :w.changeUntils""";

    /** The names of {@link #ARRAYS}' columns. */
    String COLUMNS = """
            relationship_id, officer_id, partner_id, raw, short_raw, ref_time, last_activity_at, last_meeting_at,
            last_feedback_at, last_referral_at, previous_referral_at, type_raws, tier, stage, due_at, rank_key,
            app_raw, last_touch_at, last_touch_type, last_signal_at, last_reach_out_at, last_reach_out_type,
            last_use_at, previous_use_at, last_installed_at, last_uninstalled_at, ready_for_meeting_at, capped_days,
            recent, change_7d, change_score, change_until""";

    String BATCH = "unnest(" + ARRAYS + ") AS b(" + COLUMNS + ")";

    /** A batch of locked rows: their columns, each beside the address of the version locked. */
    String LOCKED_BATCH = "unnest(CAST(:w.ctids AS tid[]), " + ARRAYS + ") AS b(locked_ctid, " + COLUMNS + ")";

    String MICROS = "TIMESTAMPTZ 'epoch' + INTERVAL '1 microsecond' * ";

    /**
     * Rows for relationships scored for the first time. A row another transaction inserted meanwhile is
     * left alone and not returned: the caller locks it and folds its events in like any stored row.
     */
    @SqlQuery("INSERT INTO relationship_score (org_id, relationship_id, officer_id, partner_id, raw, short_raw, ref_time,"
            + " last_activity_at, last_meeting_at, last_feedback_at, last_referral_at, previous_referral_at, type_raws,"
            + " tier, stage, due_at, rank_key, model_version, updated_at, app_raw, last_touch_at, last_touch_type,"
            + " last_signal_at, last_reach_out_at, last_reach_out_type, last_use_at, previous_use_at, last_installed_at,"
            + " last_uninstalled_at, ready_for_meeting_at, capped_days, recent, change_7d, change_score, change_until)"
            + " SELECT :orgId, b.relationship_id, b.officer_id, b.partner_id, b.raw, b.short_raw, " + MICROS + "b.ref_time, "
            + MICROS + "b.last_activity_at, " + MICROS + "b.last_meeting_at, " + MICROS + "b.last_feedback_at, "
            + MICROS + "b.last_referral_at, " + MICROS + "b.previous_referral_at, b.type_raws, b.tier, b.stage, "
            + MICROS + "b.due_at, b.rank_key, :modelVersion, :now, b.app_raw, " + MICROS + "b.last_touch_at, b.last_touch_type, "
            + MICROS + "b.last_signal_at, " + MICROS + "b.last_reach_out_at, b.last_reach_out_type, " + MICROS + "b.last_use_at, "
            + MICROS + "b.previous_use_at, " + MICROS + "b.last_installed_at, " + MICROS + "b.last_uninstalled_at, "
            + MICROS + "b.ready_for_meeting_at, b.capped_days, b.recent, b.change_7d, b.change_score, "
            + MICROS + "b.change_until"
            + " FROM " + BATCH
            + " ORDER BY b.relationship_id"
            + " ON CONFLICT (org_id, relationship_id) DO NOTHING"
            + " RETURNING relationship_id")
    List<UUID> insertNew(UUID orgId, @BindMethods("w") ScoreWrites writes, int modelVersion, Instant now);

    /**
     * Rows this transaction has locked, written once with their new state, each found by the address of the
     * version locked ({@link LockedScore}; a nested loop over the batch with one TID lookup a row, whatever the
     * table's dead versions); the key is checked too.
     */
    @SqlUpdate("UPDATE relationship_score s SET raw = b.raw, short_raw = b.short_raw, ref_time = " + MICROS + "b.ref_time,"
            + " last_activity_at = " + MICROS + "b.last_activity_at, last_meeting_at = " + MICROS + "b.last_meeting_at,"
            + " last_feedback_at = " + MICROS + "b.last_feedback_at, last_referral_at = " + MICROS + "b.last_referral_at,"
            + " previous_referral_at = " + MICROS + "b.previous_referral_at, type_raws = b.type_raws, tier = b.tier,"
            + " stage = b.stage, due_at = " + MICROS + "b.due_at, rank_key = b.rank_key, updated_at = :now,"
            + " app_raw = b.app_raw, last_touch_at = " + MICROS + "b.last_touch_at, last_touch_type = b.last_touch_type,"
            + " last_signal_at = " + MICROS + "b.last_signal_at, last_reach_out_at = " + MICROS + "b.last_reach_out_at,"
            + " last_reach_out_type = b.last_reach_out_type, last_use_at = " + MICROS + "b.last_use_at,"
            + " previous_use_at = " + MICROS + "b.previous_use_at, last_installed_at = " + MICROS + "b.last_installed_at,"
            + " last_uninstalled_at = " + MICROS + "b.last_uninstalled_at,"
            + " ready_for_meeting_at = " + MICROS + "b.ready_for_meeting_at, capped_days = b.capped_days,"
            + " recent = b.recent, change_7d = b.change_7d, change_score = b.change_score,"
            + " change_until = " + MICROS + "b.change_until"
            + " FROM " + LOCKED_BATCH
            + " WHERE s.ctid = b.locked_ctid AND s.org_id = :orgId AND s.relationship_id = b.relationship_id")
    void update(UUID orgId, @BindMethods("w") ScoreWrites writes, Instant now);

    /** What only Java computes (hysteresis, the rounded crossings) written back to rows the caller has locked. */
    @SqlUpdate("""
            UPDATE relationship_score s
               SET tier = b.tier, stage = b.stage, due_at = b.due_at, rank_key = b.rank_key,
                   ready_for_meeting_at = b.ready_for_meeting_at, change_7d = b.change_7d,
                   change_score = b.change_score, change_until = b.change_until
            FROM unnest(:relationshipIds, :tiers, :stages, CAST(:dueAts AS timestamptz[]), :rankKeys,
                        CAST(:readyAts AS timestamptz[]), CAST(:changes AS smallint[]), CAST(:changeScores AS smallint[]),
                        CAST(:changeUntils AS timestamptz[]))
                 AS b(relationship_id, tier, stage, due_at, rank_key, ready_for_meeting_at, change_7d, change_score,
                      change_until)
            WHERE s.org_id = :orgId AND s.relationship_id = b.relationship_id
            """)
    void settle(UUID orgId, UUID[] relationshipIds, String[] tiers, String[] stages, String[] dueAts, Double[] rankKeys,
                String[] readyAts, Integer[] changes, Integer[] changeScores, String[] changeUntils);

    @SqlQuery("SELECT * FROM relationship_score WHERE org_id = :orgId AND relationship_id = :relationshipId")
    Optional<StoredScore> find(UUID orgId, UUID relationshipId);

    /** Due rows of any organization; rows another sweeper holds are skipped, not waited for. */
    @SqlQuery("""
            SELECT * FROM relationship_score
            WHERE due_at <= :now
            ORDER BY due_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """)
    List<StoredScore> lockDue(Instant now, int limit);
}
