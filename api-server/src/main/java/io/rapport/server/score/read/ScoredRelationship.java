package io.rapport.server.score.read;

import io.rapport.server.score.engine.InterestScore;
import io.rapport.server.score.engine.ScoreState;
import java.util.UUID;

/** A relationship's identity with its score read now; {@code state} gives the facts behind it. */
public record ScoredRelationship(UUID relationshipId, UUID officerId, UUID partnerId, String partnerName, String partnerType,
                                 ScoreState state, InterestScore score, int referralsInWindow) {
}
