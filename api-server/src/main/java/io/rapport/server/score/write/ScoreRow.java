package io.rapport.server.score.write;

import io.rapport.server.score.engine.InterestSum;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.Stage;
import io.rapport.server.score.engine.StageFacts;
import io.rapport.server.score.engine.Tier;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One stored {@code relationship_score} row. */
public record ScoreRow(
        UUID orgId,
        UUID relationshipId,
        UUID officerId,
        UUID partnerId,
        double raw,
        double shortRaw,
        Instant refTime,
        Instant lastActivityAt,
        Instant lastMeetingAt,
        Instant lastFeedbackAt,
        Instant lastReferralAt,
        Instant previousReferralAt,
        String tier,
        String stage,
        Instant dueAt,
        double rankKey,
        int modelVersion) {

    public ScoreState toState(Map<String, InterestSum> byType) {
        return new ScoreState(new InterestSum(raw, refTime), new InterestSum(shortRaw, refTime), byType,
                new StageFacts(lastMeetingAt, lastFeedbackAt, lastReferralAt, previousReferralAt), lastActivityAt,
                Tier.fromCode(tier));
    }

    public Stage recordedStage() {
        return Stage.fromCode(stage);
    }
}
