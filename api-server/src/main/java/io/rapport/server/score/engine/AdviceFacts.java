package io.rapport.server.score.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The timestamps the next step is chosen from (DESIGN §4), kept in the score row so that no read scans
 * events: the officer's latest touch, the partner's latest signal and reach-out, the latest two distinct
 * UTC days of real use, and the install state. Each part folds commutatively (latest wins; ties between
 * types at one instant go to the greater type name), so any arrival order gives the same facts.
 *
 * @param lastUseAt     the latest real use
 * @param previousUseAt the latest real use on an earlier UTC day than {@code lastUseAt}'s
 */
public record AdviceFacts(Instant lastTouchAt, String lastTouchType, Instant lastSignalAt, Instant lastReachOutAt,
                          String lastReachOutType, Instant lastUseAt, Instant previousUseAt, Instant lastInstalledAt,
                          Instant lastUninstalledAt) {
    public static final AdviceFacts NONE = new AdviceFacts(null, null, null, null, null, null, null, null, null);
    public static final Duration GIVE_SPACE_WINDOW = Duration.ofDays(7);
    public static final Duration RECENT_WINDOW = Duration.ofDays(30);

    public AdviceFacts plus(String type, Instant at) {
        AdviceFacts next = this;
        if (EventKinds.isTouch(type)) {
            if (later(at, type, lastTouchAt, lastTouchType)) {
                next = next.with(at, type, next.lastSignalAt, next.lastReachOutAt, next.lastReachOutType);
            }
            return next;
        }
        Instant signal = latest(lastSignalAt, at);
        Instant reachOut = lastReachOutAt;
        String reachOutType = lastReachOutType;
        if (EventKinds.REACH_OUTS.contains(type) && later(at, type, lastReachOutAt, lastReachOutType)) {
            reachOut = at;
            reachOutType = type;
        }
        next = next.with(lastTouchAt, lastTouchType, signal, reachOut, reachOutType);
        if (EventKinds.REAL_USES.contains(type)) {
            next = next.plusUse(at);
        }
        if (EventKinds.APP_INSTALLED.equals(type)) {
            next = new AdviceFacts(next.lastTouchAt, next.lastTouchType, next.lastSignalAt, next.lastReachOutAt,
                    next.lastReachOutType, next.lastUseAt, next.previousUseAt, latest(lastInstalledAt, at), lastUninstalledAt);
        } else if (EventKinds.APP_UNINSTALLED.equals(type)) {
            next = new AdviceFacts(next.lastTouchAt, next.lastTouchType, next.lastSignalAt, next.lastReachOutAt,
                    next.lastReachOutType, next.lastUseAt, next.previousUseAt, lastInstalledAt, latest(lastUninstalledAt, at));
        }
        return next;
    }

    /** Keeps the latest use and the latest use of an earlier day: what "two different days" needs. */
    private AdviceFacts plusUse(Instant at) {
        Instant last = lastUseAt;
        Instant previous = previousUseAt;
        if (last == null) {
            last = at;
        } else if (day(at) > day(last)) {
            previous = last;
            last = at;
        } else if (day(at) == day(last)) {
            last = latest(last, at);
        } else {
            previous = latest(previous, at);
        }
        return new AdviceFacts(lastTouchAt, lastTouchType, lastSignalAt, lastReachOutAt, lastReachOutType, last, previous,
                lastInstalledAt, lastUninstalledAt);
    }

    private AdviceFacts with(Instant touchAt, String touchType, Instant signalAt, Instant reachOutAt, String reachOutType) {
        return new AdviceFacts(touchAt, touchType, signalAt, reachOutAt, reachOutType, lastUseAt, previousUseAt,
                lastInstalledAt, lastUninstalledAt);
    }

    /** Touched within 7 days, and the partner has sent no signal since. */
    public boolean awaitingAnswer(Instant now) {
        return within(lastTouchAt, GIVE_SPACE_WINDOW, now) && (lastSignalAt == null || !lastSignalAt.isAfter(lastTouchAt));
    }

    public boolean reachedOut(Instant now) {
        return within(lastReachOutAt, RECENT_WINDOW, now);
    }

    /** Real use on at least two different UTC days within 30 days: a habit, not curiosity. */
    public boolean usedForReal(Instant now) {
        return within(previousUseAt, RECENT_WINDOW, now);
    }

    /** The latest of install and uninstall is an uninstall. */
    public boolean uninstalled() {
        return lastUninstalledAt != null && (lastInstalledAt == null || lastUninstalledAt.isAfter(lastInstalledAt));
    }

    static boolean within(Instant at, Duration window, Instant now) {
        return at != null && !at.isBefore(now.minus(window));
    }

    private static long day(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 86_400L);
    }

    private static boolean later(Instant at, String type, Instant lastAt, String lastType) {
        if (lastAt == null || at.isAfter(lastAt)) {
            return true;
        }
        return at.equals(lastAt) && (lastType == null || type.compareTo(lastType) > 0);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
