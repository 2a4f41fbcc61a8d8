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

    public record Suggestion(UUID partnerId, String partnerName, int score, Tier tier, NextStep nextStep) {
    }
}
