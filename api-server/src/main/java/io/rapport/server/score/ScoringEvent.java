package io.rapport.server.score;

import java.time.Instant;

/** The two things about a usage event that scoring looks at. */
public record ScoringEvent(String type, Instant occurredAt) {
}
