package io.rapport.server.score;

/** A ranked-list item: the scored relationship and its score change over the last 7 days. */
public record RankedPartner(ScoredRelationship scored, int scoreChange7d) {
}
