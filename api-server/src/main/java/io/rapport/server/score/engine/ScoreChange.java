package io.rapport.server.score.engine;

import java.time.Instant;
import java.util.UUID;

/** A tier or stage change of one relationship, as the feed shows it. {@code seq} is 0 until recorded. */
public record ScoreChange(long seq, UUID relationshipId, UUID officerId, UUID partnerId, String kind, String fromValue,
                          String toValue, int score, String cause, Instant changedAt) {
    public static final String TIER = "tier";
    public static final String STAGE = "stage";
    public static final String BY_EVENT = "event";
    public static final String BY_TIME = "time";
    public static final String BY_RESCORE = "rescore";
}
