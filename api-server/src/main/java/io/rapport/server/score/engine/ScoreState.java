package io.rapport.server.score.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything kept per relationship: the interest sum, the two app-signal sums the trend compares, the
 * per-type sums that explain the score, the facts stage and next step are read from, the last UTC day
 * counted for each daily-capped type, and the last tier reached (the one piece of history, for
 * hysteresis). Every part folds events commutatively, so any arrival order gives the same state.
 *
 * <p>The sums other than {@code total} are kept at the total's reference time, the latest instant any
 * event counts from, so one stored {@code ref_time} serves them all.
 *
 * @param shortTerm  the app signals with the short half-life
 * @param appSignals the app signals with the model's half-life
 * @param cappedDays per daily-capped type, the latest UTC day (epoch day) it was counted on
 */
public record ScoreState(
        InterestSum total,
        InterestSum shortTerm,
        InterestSum appSignals,
        Map<String, InterestSum> byType,
        StageFacts facts,
        AdviceFacts advice,
        Map<String, Long> cappedDays,
        Instant lastActivityAt,
        Tier tier) {

    public static final ScoreState EMPTY = new ScoreState(InterestSum.EMPTY, InterestSum.EMPTY, InterestSum.EMPTY, Map.of(),
            StageFacts.NONE, AdviceFacts.NONE, Map.of(), null, null);

    public ScoreState {
        byType = Map.copyOf(byType);
        cappedDays = Map.copyOf(cappedDays);
    }

    /**
     * Folds events in; the tier is left alone (it moves with the clock, see {@link #settle}). A daily-capped
     * event counts only if its UTC day was not counted yet, and then from the day's start; the facts take
     * every event at its own time.
     *
     * @param before which earlier days were counted before these events: asked only for a day earlier than
     *               the latest one counted
     */
    public ScoreState fold(Collection<ScoringEvent> events, ScoringModel model, CountedDays before) {
        InterestSum newTotal = total;
        InterestSum newShort = shortTerm;
        InterestSum newApp = appSignals;
        Map<String, InterestSum> newByType = new HashMap<>(byType);
        Map<String, Long> newCapped = new HashMap<>(cappedDays);
        Set<String> countedNow = new HashSet<>();
        StageFacts newFacts = facts;
        AdviceFacts newAdvice = advice;
        Instant newLast = lastActivityAt;
        for (ScoringEvent event : events) {
            newFacts = newFacts.plus(event.type(), event.at());
            newAdvice = newAdvice.plus(event.type(), event.at());
            newLast = newLast == null || event.at().isAfter(newLast) ? event.at() : newLast;
            Instant countsAt = event.at();
            if (model.cappedDaily(event.type())) {
                long day = event.epochDay();
                if (!countedNow.add(event.type() + '@' + day) || countedBefore(event.type(), day, before)) {
                    continue;
                }
                newCapped.merge(event.type(), day, Math::max);
                countsAt = ScoringEvent.dayStart(day);
            }
            double weight = model.weightOf(event.type());
            newTotal = newTotal.plus(weight, countsAt, model.halfLife());
            if (EventKinds.APP_SIGNALS.contains(event.type())) {
                newShort = newShort.plus(weight, countsAt, model.shortHalfLife());
                newApp = newApp.plus(weight, countsAt, model.halfLife());
            }
            newByType.put(event.type(), newByType.getOrDefault(event.type(), InterestSum.EMPTY)
                    .plus(weight, countsAt, model.halfLife()));
        }
        Instant ref = newTotal.refTime();
        return new ScoreState(newTotal, rebased(newShort, ref, model.shortHalfLife()), rebased(newApp, ref, model.halfLife()),
                newByType, newFacts, newAdvice, newCapped, newLast, tier);
    }

    /** Whether the state already counted this day: by the latest day it kept, or for an earlier day by {@code before}. */
    private boolean countedBefore(String type, long day, CountedDays before) {
        Long last = cappedDays.get(type);
        if (last == null || day > last) {
            return false;
        }
        return day == last || before.counted(type, day);
    }

    private static InterestSum rebased(InterestSum sum, Instant ref, Duration halfLife) {
        return ref == null ? sum : new InterestSum(sum.valueAt(ref, halfLife), ref);
    }

    /** The state with its tier moved to what the score at {@code now} calls for. */
    public ScoreState settle(Instant now, ScoringModel model) {
        int score = ScoreMath.score(total.valueAt(now, model.halfLife()), model.k());
        return new ScoreState(total, shortTerm, appSignals, byType, facts, advice, cappedDays, lastActivityAt,
                Tier.next(tier, score, model));
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
