package io.rapport.server.score.engine;

/** One event type's part of the current interest: the explanation of a score. */
public record Contribution(String type, double interest, double share) {
}
