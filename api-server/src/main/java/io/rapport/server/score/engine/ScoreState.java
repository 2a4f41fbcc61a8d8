package io.rapport.server.score.engine;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything kept per relationship: the long and short interest sums, the per-type sums that explain
 * them, the stage facts and the last tier reached (the one piece of history, for hysteresis). Every
 * part folds events commutatively, so any arrival order gives the same state.
 */
public record ScoreState(
        InterestSum total,
        InterestSum shortTerm,
        Map<String, InterestSum> byType,
        StageFacts facts,
        Instant lastActivityAt,
        Tier tier) {

    public static final ScoreState EMPTY = new ScoreState(InterestSum.EMPTY, InterestSum.EMPTY, Map.of(), StageFacts.NONE, null, null);

    public ScoreState {
        byType = Map.copyOf(byType);
    }

    /** Folds events in; the tier is left alone (it moves with the clock, see {@link #settle}). */
    public ScoreState fold(Collection<ScoringEvent> events, ScoringModel model) {
        InterestSum newTotal = total;
        InterestSum newShort = shortTerm;
        Map<String, InterestSum> newByType = new HashMap<>(byType);
        StageFacts newFacts = facts;
        Instant newLast = lastActivityAt;
        for (ScoringEvent event : events) {
            double weight = model.weightOf(event.type());
            newTotal = newTotal.plus(weight, event.occurredAt(), model.halfLife());
            newShort = newShort.plus(weight, event.occurredAt(), model.shortHalfLife());
            newByType.put(event.type(), newByType.getOrDefault(event.type(), InterestSum.EMPTY)
                    .plus(weight, event.occurredAt(), model.halfLife()));
            newFacts = newFacts.plus(event.type(), event.occurredAt());
            newLast = newLast == null || event.occurredAt().isAfter(newLast) ? event.occurredAt() : newLast;
        }
        return new ScoreState(newTotal, newShort, newByType, newFacts, newLast, tier);
    }

    /** The state with its tier moved to what the score at {@code now} calls for. */
    public ScoreState settle(Instant now, ScoringModel model) {
        int score = ScoreMath.score(total.valueAt(now, model.halfLife()), model.k());
        return new ScoreState(total, shortTerm, byType, facts, lastActivityAt, Tier.next(tier, score, model));
    }

    /**
     * When the sweep must next look at this relationship: the tier's drop crossing or a stage fact
     * leaving its window, whichever comes first; null when nothing will change without an event.
     */
    public Instant nextDueAfter(Instant now, ScoringModel model) {
        Instant crossing = tier == null ? null : ScoreMath.crossingBelow(total, tier.dropThreshold(model), model);
        Instant expiry = facts.nextExpiryAfter(now);
        if (crossing == null) {
            return expiry;
        }
        return expiry == null || crossing.isBefore(expiry) ? crossing : expiry;
    }
}
