package io.rapport.server.score.rescore;

import java.time.Instant;
import java.util.UUID;

/**
 * One rescore of an organization: its state, the model it applies, how far it has got ({@code done}
 * of {@code total} relationships) and what it read ({@code relationships} with events, {@code events}).
 */
public record RescoreJob(UUID jobId, String status, int modelVersion, Integer relationships, Long events,
                         long done, Long total, Instant createdAt, Instant startedAt, Instant finishedAt,
                         String errorCode) {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
}
