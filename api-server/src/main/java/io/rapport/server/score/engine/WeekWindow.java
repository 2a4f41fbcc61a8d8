package io.rapport.server.score.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The contributions a relationship's 7-day change needs, in bounded space: the {@value #KEPT} oldest one by
 * one (they leave the window first, each at its own instant), the younger ones as one decayed sum with the
 * instant of its oldest ({@code tailFrom}). The window is known exactly for as long as that sum lies wholly
 * inside it; once its oldest contribution leaves, the row's contributions are read again from the events
 * ({@link #knownAt}). A partner with a busy week costs the row {@value #KEPT} entries, not one per event.
 *
 * <p>Whatever order contributions arrive in, the kept ones are the oldest: a younger one goes to the sum, an
 * older one is kept and the youngest kept one moves to the sum if there are too many.
 *
 * @param oldest   the oldest contributions, in time order
 * @param tail     the younger contributions as a sum, empty when there are none
 * @param tailFrom the instant of the oldest contribution in {@code tail}; null when it is empty
 */
public record WeekWindow(List<CountedEvent> oldest, InterestSum tail, Instant tailFrom) {
    /** How many contributions are kept one by one: a quiet partner's week, and then some. */
    public static final int KEPT = 16;
    public static final WeekWindow EMPTY = new WeekWindow(List.of(), InterestSum.EMPTY, null);
    static final Comparator<CountedEvent> TIME_ORDER = Comparator.comparing(CountedEvent::at)
            .thenComparingDouble(CountedEvent::weight);

    public WeekWindow {
        oldest = List.copyOf(oldest);
    }

    /** The window of exactly these contributions. */
    public static WeekWindow of(Collection<CountedEvent> contributions, Duration halfLife) {
        WeekWindow window = EMPTY;
        List<CountedEvent> inOrder = new ArrayList<>(contributions);
        inOrder.sort(TIME_ORDER);
        for (CountedEvent c : inOrder) {
            window = window.plus(c, halfLife);
        }
        return window;
    }

    public WeekWindow plus(CountedEvent c, Duration halfLife) {
        if (tailFrom != null && !c.at().isBefore(tailFrom)) {
            return new WeekWindow(oldest, tail.plus(c.weight(), c.at(), halfLife), tailFrom);
        }
        List<CountedEvent> kept = new ArrayList<>(oldest.size() + 1);
        kept.addAll(oldest);
        int at = 0;
        while (at < kept.size() && TIME_ORDER.compare(kept.get(at), c) <= 0) {
            at++;
        }
        kept.add(at, c);
        if (kept.size() <= KEPT) {
            return new WeekWindow(kept, tail, tailFrom);
        }
        CountedEvent youngest = kept.remove(kept.size() - 1);
        return new WeekWindow(kept, tail.plus(youngest.weight(), youngest.at(), halfLife), youngest.at());
    }

    /** Without the kept contributions that counted from {@code keptFrom} or earlier: no window from then on needs them. */
    public WeekWindow without(Instant keptFrom) {
        if (oldest.isEmpty() || oldest.get(0).at().isAfter(keptFrom)) {
            return this;
        }
        return new WeekWindow(oldest.stream().filter(c -> c.at().isAfter(keptFrom)).toList(), tail, tailFrom);
    }

    /** Whether the window from {@code t − 7d} to {@code t} is known: the sum has not begun to leave it. */
    public boolean knownAt(Instant t) {
        return tailFrom == null || tailFrom.isAfter(t.minus(WeekChange.WINDOW));
    }

    /** {@code Σ wᵢ·2^(−(t − tᵢ)/H)} over the contributions after {@code t − 7d}; only where {@link #knownAt}. */
    double sumAt(Instant t, Duration halfLife) {
        Instant start = t.minus(WeekChange.WINDOW);
        double sum = tail.valueAt(t, halfLife);
        for (CountedEvent c : oldest) {
            if (c.at().isAfter(start)) {
                sum += c.weight() * Decay.factor(c.at(), t, halfLife);
            }
        }
        return sum;
    }

    /** The first instant after {@code t} at which a contribution leaves the window, or the sum begins to; null if none will. */
    Instant nextExitAfter(Instant t) {
        Instant start = t.minus(WeekChange.WINDOW);
        for (CountedEvent c : oldest) {
            if (c.at().isAfter(start)) {
                return c.at().plus(WeekChange.WINDOW);
            }
        }
        return tailFrom == null ? null : tailFrom.plus(WeekChange.WINDOW);
    }
}
