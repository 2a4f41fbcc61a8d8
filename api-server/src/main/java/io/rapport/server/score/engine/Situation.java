package io.rapport.server.score.engine;

import java.time.Instant;

/** A relationship as read at {@code now}: what the next step is chosen from. */
public record Situation(Instant now, Tier tier, Trend trend, double trendRatio, Stage stage, StageFacts stageFacts,
                        AdviceFacts advice) {
}
