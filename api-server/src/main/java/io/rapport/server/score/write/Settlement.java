package io.rapport.server.score.write;

import io.rapport.server.score.engine.ScoreChange;
import io.rapport.server.score.engine.ScoreMath;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.ScoringModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One relationship brought up to {@code now}: its tier (with hysteresis) and stage, the instant the
 * sweep must look at it again, its ranking key, and the tier and stage changes against what was
 * recorded before.
 */
record Settlement(ScoreState state, String tier, String stage, Instant dueAt, double rankKey, List<ScoreChange> changes) {

    /**
     * @param unsettled     the relationship's sums, with the tier last recorded (the one piece of history
     *                      hysteresis needs)
     * @param recordedTier  the tier code last recorded, compared against to detect a change
     * @param recordedStage the stage code last recorded
     */
    static Settlement of(UUID relationshipId, UUID officerId, UUID partnerId, ScoreState unsettled, String recordedTier,
                         String recordedStage, ScoringModel model, Instant now, String cause) {
        ScoreState settled = unsettled.settle(now, model);
        int score = ScoreMath.score(settled.total().valueAt(now, model.halfLife()), model.k());
        String tier = settled.tier().code();
        String stage = settled.facts().stageAt(now).code();
        List<ScoreChange> changes = new ArrayList<>(2);
        if (!tier.equals(recordedTier)) {
            changes.add(new ScoreChange(0, relationshipId, officerId, partnerId, ScoreChange.TIER, recordedTier, tier,
                    score, cause, now));
        }
        if (!stage.equals(recordedStage)) {
            changes.add(new ScoreChange(0, relationshipId, officerId, partnerId, ScoreChange.STAGE, recordedStage, stage,
                    score, cause, now));
        }
        return new Settlement(settled, tier, stage, dueAfter(settled, now, model), ScoreMath.rankKey(settled.total(), model),
                List.copyOf(changes));
    }

    static Settlement of(ScoreRow row, ScoreState unsettled, ScoringModel model, Instant now, String cause) {
        return of(row.relationshipId(), row.officerId(), row.partnerId(), unsettled, row.tier(), row.stage(), model, now,
                cause);
    }

    /** Never at or before {@code now}: a sweep pass must not pick the row it has just settled again. */
    private static Instant dueAfter(ScoreState settled, Instant now, ScoringModel model) {
        Instant due = settled.nextDueAfter(now, model);
        return due == null || due.isAfter(now) ? due : now.plusNanos(1000);
    }
}
