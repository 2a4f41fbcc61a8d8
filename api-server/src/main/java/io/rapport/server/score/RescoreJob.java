package io.rapport.server.score;

import java.time.Instant;
import java.util.UUID;

/** One rescore of an organization: what model it applied and how much it read. */
public record RescoreJob(UUID jobId, String status, int modelVersion, Integer relationships, Long events,
                         Instant createdAt, Instant finishedAt) {
}
