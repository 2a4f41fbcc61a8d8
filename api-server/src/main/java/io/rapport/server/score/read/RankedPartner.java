package io.rapport.server.score.read;

/** A ranked-list item: the scored relationship and its score change over the last 7 days, when computed. */
public record RankedPartner(ScoredRelationship scored, Integer scoreChange7d) {

    static RankedPartner withoutChange(ScoredRelationship scored) {
        return new RankedPartner(scored, null);
    }
}
