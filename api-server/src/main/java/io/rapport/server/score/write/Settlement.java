package io.rapport.server.score.write;

import io.rapport.server.score.RecordedChanges.ReadyForMeeting;
import io.rapport.server.score.engine.NextStep;
import io.rapport.server.score.engine.ScoreChange;
import io.rapport.server.score.engine.ScoreMath;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.ScoringModel;
import io.rapport.server.score.engine.Stage;
import io.rapport.server.score.engine.Tier;
import io.rapport.server.score.engine.WeekChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One relationship brought up to {@code now}: its tier (with hysteresis) and stage, the instant the
 * sweep must look at it again, its ranking key, its 7-day change (stored and indexed for the change sort,
 * so the sweep also looks at the row again when the change stops holding), the tier and stage changes
 * against what was recorded before, and whether an event has just made the partner ready for a meeting.
 *
 * @param readyForMeetingAt what to store: when an event last made the partner ready, null once the stage
 *                          has left technoship
 * @param readyNow          set when this settlement is the one that made the partner ready
 */
record Settlement(ScoreState state, String tier, String stage, Instant dueAt, double rankKey, WeekChange weekChange,
                  List<ScoreChange> changes, Instant readyForMeetingAt, ReadyForMeeting readyNow) {

    /** What a relationship was recorded as before this settlement: the comparison point for changes. */
    record Recorded(String tier, String stage, Instant readyForMeetingAt) {
    }

    static Settlement of(UUID relationshipId, UUID officerId, UUID partnerId, ScoreState unsettled, Recorded recorded,
                         ScoringModel model, Instant now, String cause) {
        ScoreState settled = unsettled.settle(now, model);
        int score = ScoreMath.score(settled.total().valueAt(now, model.halfLife()), model.k());
        Tier tier = settled.tier();
        Stage stage = settled.facts().stageAt(now);
        List<ScoreChange> changes = new ArrayList<>(2);
        if (!tier.code().equals(recorded.tier())) {
            changes.add(new ScoreChange(0, relationshipId, officerId, partnerId, ScoreChange.TIER, recorded.tier(),
                    tier.code(), score, cause, now));
        }
        if (!stage.code().equals(recorded.stage())) {
            changes.add(new ScoreChange(0, relationshipId, officerId, partnerId, ScoreChange.STAGE, recorded.stage(),
                    stage.code(), score, cause, now));
        }
        Instant readyAt = stage == Stage.TECHNOSHIP ? recorded.readyForMeetingAt() : null;
        ReadyForMeeting readyNow = null;
        // only an event makes a partner ready: a lapsing window or a rescore never sends it again
        if (readyAt == null && ScoreChange.BY_EVENT.equals(cause)
                && NextStep.readyForMeeting(tier, stage, settled.advice(), now)) {
            readyAt = now;
            readyNow = new ReadyForMeeting(relationshipId, officerId, partnerId, tier.code(), stage.code(), score, cause);
        }
        WeekChange weekChange = settled.weekChange(now, model);
        return new Settlement(settled, tier.code(), stage.code(), dueAfter(settled, weekChange, now, model),
                ScoreMath.rankKey(settled.total(), model), weekChange, List.copyOf(changes), readyAt, readyNow);
    }

    static Settlement of(ScoreRow row, ScoreState unsettled, ScoringModel model, Instant now, String cause) {
        return of(row.relationshipId(), row.officerId(), row.partnerId(), unsettled,
                new Recorded(row.tier(), row.stage(), row.readyForMeetingAt()), model, now, cause);
    }

    /** Never at or before {@code now}: a sweep pass must not pick the row it has just settled again. */
    private static Instant dueAfter(ScoreState settled, WeekChange weekChange, Instant now, ScoringModel model) {
        Instant due = settled.nextDueAfter(now, model);
        Instant until = weekChange.until();
        due = due == null || (until != null && until.isBefore(due)) ? until : due;
        return due == null || due.isAfter(now) ? due : now.plusNanos(1000);
    }
}
