package io.rapport.server.score.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything kept per relationship: the interest sum, the two app-signal sums the trend compares, the
 * per-type sums that explain the score, the facts stage and next step are read from, the UTC days
 * counted for each daily-capped type, the contributions of the last days (for the 7-day change) and the
 * last tier reached (the one piece of history, for hysteresis). Every part folds events commutatively,
 * so any arrival order gives the same state.
 *
 * <p>The sums other than {@code total} are kept at the total's reference time, the latest instant any
 * event counts from, so one stored {@code ref_time} serves them all.
 *
 * @param shortTerm  the app signals with the short half-life
 * @param appSignals the app signals with the model's half-life
 * @param cappedDays per daily-capped type, the UTC days it was counted on
 * @param window     the contributions to {@code total} that a 7-day window may still hold
 */
public record ScoreState(
        InterestSum total,
        InterestSum shortTerm,
        InterestSum appSignals,
        Map<String, InterestSum> byType,
        StageFacts facts,
        AdviceFacts advice,
        Map<String, CountedDays> cappedDays,
        WeekWindow window,
        Instant lastActivityAt,
        Tier tier) {

    public static final ScoreState EMPTY = new ScoreState(InterestSum.EMPTY, InterestSum.EMPTY, InterestSum.EMPTY, Map.of(),
            StageFacts.NONE, AdviceFacts.NONE, Map.of(), WeekWindow.EMPTY, null, null);

    public ScoreState {
        byType = Map.copyOf(byType);
        cappedDays = Map.copyOf(cappedDays);
    }

    /**
     * Folds events in; the tier is left alone (it moves with the clock, see {@link #settle}). A daily-capped
     * event counts only if its UTC day was not counted yet, and then from the day's start; the facts take
     * every event at its own time.
     */
    public ScoreState fold(Collection<ScoringEvent> events, ScoringModel model) {
        return fold(events, model, null);
    }

    /**
     * As {@link #fold(Collection, ScoringModel)}, leaving out of the 7-day window the contributions that count
     * from {@code windowFrom} or earlier (null: none), which no window from now on holds: a back-filled history
     * costs the window nothing.
     */
    public ScoreState fold(Collection<ScoringEvent> events, ScoringModel model, Instant windowFrom) {
        InterestSum newTotal = total;
        InterestSum newShort = shortTerm;
        InterestSum newApp = appSignals;
        Map<String, InterestSum> newByType = new HashMap<>(byType);
        Map<String, CountedDays> newCapped = new HashMap<>(cappedDays);
        WeekWindow newWindow = window;
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
                CountedDays counted = newCapped.get(event.type());
                if (counted != null && counted.has(day)) {
                    continue;
                }
                newCapped.put(event.type(), counted == null ? CountedDays.of(day) : counted.with(day));
                countsAt = ScoringEvent.dayStart(day);
            }
            double weight = model.weightOf(event.type());
            newTotal = newTotal.plus(weight, countsAt, model.halfLife());
            if (weight != 0 && (windowFrom == null || countsAt.isAfter(windowFrom))) {
                newWindow = newWindow.plus(new CountedEvent(countsAt, weight), model.halfLife());
            }
            if (EventKinds.APP_SIGNALS.contains(event.type())) {
                newShort = newShort.plus(weight, countsAt, model.shortHalfLife());
                newApp = newApp.plus(weight, countsAt, model.halfLife());
            }
            newByType.put(event.type(), newByType.getOrDefault(event.type(), InterestSum.EMPTY)
                    .plus(weight, countsAt, model.halfLife()));
        }
        Instant ref = newTotal.refTime();
        return new ScoreState(newTotal, rebased(newShort, ref, model.shortHalfLife()), rebased(newApp, ref, model.halfLife()),
                newByType, newFacts, newAdvice, newCapped, newWindow, newLast, tier);
    }

    private static InterestSum rebased(InterestSum sum, Instant ref, Duration halfLife) {
        return ref == null ? sum : new InterestSum(sum.valueAt(ref, halfLife), ref);
    }

    /**
     * The state with its tier moved to what the score at {@code now} calls for, and the kept contributions no
     * 7-day window from {@code now} on can reach dropped (a day later, see {@link WeekChange#KEPT_AFTER_WINDOW}).
     */
    public ScoreState settle(Instant now, ScoringModel model) {
        int score = ScoreMath.score(total.valueAt(now, model.halfLife()), model.k());
        WeekWindow kept = window.without(now.minus(WeekChange.WINDOW).minus(WeekChange.KEPT_AFTER_WINDOW));
        return new ScoreState(total, shortTerm, appSignals, byType, facts, advice, cappedDays, kept, lastActivityAt,
                Tier.next(tier, score, model));
    }

    /** The same state with its window read again from the events. */
    public ScoreState withWindow(WeekWindow contributions) {
        return new ScoreState(total, shortTerm, appSignals, byType, facts, advice, cappedDays, contributions,
                lastActivityAt, tier);
    }

    /** The 7-day change at {@code now} and until when it holds; the window must be known then. */
    public WeekChange weekChange(Instant now, ScoringModel model) {
        return WeekChange.of(total, window, now, model);
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
