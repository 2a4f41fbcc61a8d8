package io.rapport.sdk;

import io.rapport.sdk.model.UsageEventInput;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An event in the tracker, with its place in line and a guard that lets exactly one outcome through. An
 * event a back-fill took also carries that back-fill's tally and its position in the back-fill's source.
 */
final class TrackedEvent {
    final UsageEventInput event;
    final long sequence;
    /** The back-fill that took this event, or null for {@code track}/{@code offer}. */
    final BackfillTally tally;
    /** Position in the back-fill's source (0-based), or -1. */
    final long index;
    private final AtomicBoolean settled = new AtomicBoolean();

    TrackedEvent(UsageEventInput event, long sequence) {
        this(event, sequence, null, -1);
    }

    TrackedEvent(UsageEventInput event, long sequence, BackfillTally tally, long index) {
        this.event = event;
        this.sequence = sequence;
        this.tally = tally;
        this.index = index;
    }

    /** True for the first caller only: the one that may report this event's outcome. */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }
}
