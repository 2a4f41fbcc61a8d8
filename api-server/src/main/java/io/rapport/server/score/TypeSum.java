package io.rapport.server.score;

import java.time.Instant;

/** One stored per-type sum of a relationship. */
public record TypeSum(String type, double raw, Instant refTime) {
}
