package io.rapport.server.score.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * A decayed sum {@code Σ wᵢ·2^(−(t − tᵢ)/H)} kept as its value {@code raw} at {@code refTime}.
 * {@code refTime} is the latest event time folded in, so folding is order-independent: every event's
 * contribution is expressed at the same instant, whatever order the events arrive in.
 */
public record InterestSum(double raw, Instant refTime) {
    public static final InterestSum EMPTY = new InterestSum(0.0, null);

    /** Folds one event in: decay the stored value to {@code max(refTime, at)} and add the event decayed to it. */
    public InterestSum plus(double weight, Instant at, Duration halfLife) {
        if (refTime == null) {
            return new InterestSum(weight, at);
        }
        Instant ref = at.isAfter(refTime) ? at : refTime;
        return new InterestSum(raw * Decay.factor(refTime, ref, halfLife) + weight * Decay.factor(at, ref, halfLife), ref);
    }

    /** The value at {@code t}. */
    public double valueAt(Instant t, Duration halfLife) {
        return refTime == null ? 0.0 : raw * Decay.factor(refTime, t, halfLife);
    }

    public boolean isEmpty() {
        return refTime == null;
    }
}
