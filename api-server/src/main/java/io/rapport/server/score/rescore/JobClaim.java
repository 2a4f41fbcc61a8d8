package io.rapport.server.score.rescore;

import java.util.UUID;

/** A rescore job this node has taken: what it applies and where it stands (null: from the start). */
public record JobClaim(UUID orgId, UUID jobId, int modelVersion, UUID resumeAfter) {
}
