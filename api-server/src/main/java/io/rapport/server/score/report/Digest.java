package io.rapport.server.score.report;

import io.rapport.server.score.engine.NextStep;
import io.rapport.server.score.engine.ScoreChange;
import io.rapport.server.score.engine.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An officer's morning digest: the previous day's activity and the next steps most worth doing. */
public record Digest(UUID officerId, LocalDate date, List<Activity> activity, List<ScoreChange> changes,
                     List<ScoreReportDao.PartnerEvent> referrals, List<Suggestion> nextSteps) {

    public record Activity(UUID partnerId, String partnerName, Map<String, Integer> events) {
    }

    /** {@code rank}: how time-sensitive the step is, 0 the most; {@code whyNow}: the fact that makes it due. */
    public record Suggestion(UUID relationshipId, UUID partnerId, String partnerName, int score, Tier tier,
                             NextStep nextStep, int rank, String whyNow) {
    }
}
