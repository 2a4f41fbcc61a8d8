package io.rapport.server.oversight;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Partners per tier and stage, movement and referrals, and each officer's habits, over a set of officers. */
public record OversightSummary(Instant asOf, Map<String, Integer> tiers, Map<String, Integer> stages, int tierUps,
                               int tierDowns, int referrals, List<OfficerHabits> officers) {

    /** {@code feedbackCoverage} is null when the officer has no engaged-or-hot partner. */
    public record OfficerHabits(UUID officerId, String displayName, int relationships, double consistency,
                                Double feedbackCoverage) {
    }
}
