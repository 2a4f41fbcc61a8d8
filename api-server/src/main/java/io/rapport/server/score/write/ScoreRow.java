package io.rapport.server.score.write;

import io.rapport.server.score.engine.AdviceFacts;
import io.rapport.server.score.engine.CountedDays;
import io.rapport.server.score.engine.InterestSum;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.Stage;
import io.rapport.server.score.engine.StageFacts;
import io.rapport.server.score.engine.Tier;
import io.rapport.server.score.engine.WeekWindow;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One stored {@code relationship_score} row, without its jsonb columns (per-type sums, capped days, recent
 * contributions), which only writes need ({@link StoredScore}).
 */
public record ScoreRow(
        UUID orgId,
        UUID relationshipId,
        UUID officerId,
        UUID partnerId,
        double raw,
        double shortRaw,
        double appRaw,
        Instant refTime,
        Instant lastActivityAt,
        Instant lastMeetingAt,
        Instant lastFeedbackAt,
        Instant lastReferralAt,
        Instant previousReferralAt,
        Instant lastTouchAt,
        String lastTouchType,
        Instant lastSignalAt,
        Instant lastReachOutAt,
        String lastReachOutType,
        Instant lastUseAt,
        Instant previousUseAt,
        Instant lastInstalledAt,
        Instant lastUninstalledAt,
        Instant readyForMeetingAt,
        String tier,
        String stage,
        Instant dueAt,
        double rankKey,
        int modelVersion) {

    public ScoreState toState(Map<String, InterestSum> byType, Map<String, CountedDays> cappedDays,
                              WeekWindow window) {
        return new ScoreState(new InterestSum(raw, refTime), new InterestSum(shortRaw, refTime),
                new InterestSum(appRaw, refTime), byType,
                new StageFacts(lastMeetingAt, lastFeedbackAt, lastReferralAt, previousReferralAt),
                new AdviceFacts(lastTouchAt, lastTouchType, lastSignalAt, lastReachOutAt, lastReachOutType, lastUseAt,
                        previousUseAt, lastInstalledAt, lastUninstalledAt),
                cappedDays, window, lastActivityAt, Tier.fromCode(tier));
    }

    /** For reads: the sums and facts without the per-type parts, which only the explanation needs. */
    public ScoreState toState() {
        return toState(Map.of(), Map.of(), WeekWindow.EMPTY);
    }

    public Stage recordedStage() {
        return Stage.fromCode(stage);
    }
}
