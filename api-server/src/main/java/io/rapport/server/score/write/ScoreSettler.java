package io.rapport.server.score.write;

import io.rapport.server.score.engine.ScoreChange;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.ScoringModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Brings locked score rows whose sums are already stored up to {@code now} (the sweep, a rescore):
 * tier, stage, due time, ranking key and 7-day change written back, and what changed appended to the feed, in the
 * same transaction. Ingest settles as it folds and writes each row once ({@link ScoreUpdater}).
 */
public final class ScoreSettler {
    private ScoreSettler() {
    }

    /**
     * A deactivated officer or organization gets nothing new (DESIGN §3): its rows are settled without
     * recording any change, so nothing reaches the feed or webhooks.
     */
    public static void settleUnlessSilenced(Handle handle, ScoreChangeLog log, UUID orgId, List<StoredScore> rows,
                                            ScoringModel model, Instant now, String cause) {
        if (rows.isEmpty()) {
            return;
        }
        Set<UUID> silenced = new HashSet<>(handle.attach(SilencedDao.class)
                .silenced(orgId, rows.stream().map(score -> score.row().officerId()).distinct().toArray(UUID[]::new)));
        Map<Boolean, List<StoredScore>> bySilence = rows.stream()
                .collect(Collectors.partitioningBy(score -> silenced.contains(score.row().officerId())));
        settle(handle, log, orgId, bySilence.get(false), model, now, cause, true);
        settle(handle, log, orgId, bySilence.get(true), model, now, cause, false);
    }

    private static void settle(Handle handle, ScoreChangeLog log, UUID orgId, List<StoredScore> rows, ScoringModel model,
                               Instant now, String cause, boolean record) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] tiers = new String[n];
        String[] stages = new String[n];
        String[] dueAts = new String[n];
        Double[] rankKeys = new Double[n];
        String[] readyAts = new String[n];
        Integer[] weekChanges = new Integer[n];
        Integer[] changeScores = new Integer[n];
        String[] changeUntils = new String[n];
        List<ScoreChange> changes = new ArrayList<>();
        Map<UUID, ScoreState> states = new HashMap<>();
        rows.forEach(score -> states.put(score.row().relationshipId(), score.toState()));
        Map<UUID, ScoreState> covering = WeekWindows.covering(handle, orgId, states, model, now);
        for (int i = 0; i < n; i++) {
            ScoreRow row = rows.get(i).row();
            Settlement settled = Settlement.of(row, covering.get(row.relationshipId()), model, now, cause);
            ids[i] = row.relationshipId();
            tiers[i] = settled.tier();
            stages[i] = settled.stage();
            dueAts[i] = settled.dueAt() == null ? null : settled.dueAt().toString();
            rankKeys[i] = settled.rankKey();
            readyAts[i] = settled.readyForMeetingAt() == null ? null : settled.readyForMeetingAt().toString();
            weekChanges[i] = settled.weekChange().change();
            changeScores[i] = settled.weekChange().score();
            changeUntils[i] = settled.weekChange().until() == null ? null : settled.weekChange().until().toString();
            changes.addAll(settled.changes());
        }
        handle.attach(ScoreDao.class).settle(orgId, ids, tiers, stages, dueAts, rankKeys, readyAts, weekChanges,
                changeScores, changeUntils);
        if (record) {
            log.append(handle, orgId, changes, now);
        }
    }
}
