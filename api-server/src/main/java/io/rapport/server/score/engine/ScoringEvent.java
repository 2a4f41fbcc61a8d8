package io.rapport.server.score.engine;

import java.time.Instant;

/** The two things about a usage event that scoring looks at. */
public record ScoringEvent(String type, Instant occurredAt) {
}
