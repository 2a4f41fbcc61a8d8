package io.rapport.server.score;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Brings locked score rows up to {@code now}: tier (with hysteresis) and stage, the instant the sweep
 * must look again, the ranking key; and appends what changed to the feed, in the same transaction.
 */
final class ScoreSettler {
    private ScoreSettler() {
    }

    static void settle(Handle handle, UUID orgId, List<ScoreRow> rows, ScoringModel model, Instant now, String cause) {
        settle(handle, orgId, rows, model, now, cause, true);
    }

    /**
     * As {@link #settle}, but a deactivated officer or organization gets nothing new (DESIGN §3): its
     * rows are settled without recording any change, so nothing reaches the feed or webhooks.
     */
    static void settleUnlessSilenced(Handle handle, UUID orgId, List<ScoreRow> rows, ScoringModel model, Instant now,
                                     String cause) {
        if (rows.isEmpty()) {
            return;
        }
        Set<UUID> silenced = new HashSet<>(handle.attach(SilencedDao.class)
                .silenced(orgId, rows.stream().map(ScoreRow::officerId).distinct().toArray(UUID[]::new)));
        Map<Boolean, List<ScoreRow>> bySilence = rows.stream()
                .collect(Collectors.partitioningBy(row -> silenced.contains(row.officerId())));
        settle(handle, orgId, bySilence.get(false), model, now, cause, true);
        settle(handle, orgId, bySilence.get(true), model, now, cause, false);
    }

    private static void settle(Handle handle, UUID orgId, List<ScoreRow> rows, ScoringModel model, Instant now,
                               String cause, boolean record) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] tiers = new String[n];
        String[] stages = new String[n];
        String[] dueAts = new String[n];
        Double[] rankKeys = new Double[n];
        List<ScoreChange> changes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ScoreRow row = rows.get(i);
            ScoreState settled = row.toState(Map.of()).settle(now, model);
            int score = ScoreMath.score(settled.total().valueAt(now, model.halfLife()), model.k());
            Stage stage = settled.facts().stageAt(now);
            ids[i] = row.relationshipId();
            tiers[i] = settled.tier().code();
            stages[i] = stage.code();
            dueAts[i] = string(dueAfter(settled, now, model));
            rankKeys[i] = ScoreMath.rankKey(settled.total(), model);
            if (!tiers[i].equals(row.tier())) {
                changes.add(change(row, ScoreChange.TIER, row.tier(), tiers[i], score, cause, now));
            }
            if (!stages[i].equals(row.stage())) {
                changes.add(change(row, ScoreChange.STAGE, row.stage(), stages[i], score, cause, now));
            }
        }
        handle.attach(ScoreDao.class).settle(orgId, ids, tiers, stages, dueAts, rankKeys);
        if (record) {
            ScoreChangeLog.append(handle, orgId, changes, now);
        }
    }

    /** Never at or before {@code now}: a sweep pass must not pick the row it has just settled again. */
    private static Instant dueAfter(ScoreState settled, Instant now, ScoringModel model) {
        Instant due = settled.nextDueAfter(now, model);
        return due == null || due.isAfter(now) ? due : now.plusNanos(1000);
    }

    private static ScoreChange change(ScoreRow row, String kind, String from, String to, int score, String cause, Instant now) {
        return new ScoreChange(0, row.relationshipId(), row.officerId(), row.partnerId(), kind, from, to, score, cause, now);
    }

    private static String string(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
