package io.rapport.sdk;

import io.rapport.sdk.model.UsageEventInput;
import java.util.concurrent.atomic.AtomicBoolean;

/** An event in the tracker, with its place in line and a guard that lets exactly one outcome through. */
final class TrackedEvent {
    final UsageEventInput event;
    final long sequence;
    private final AtomicBoolean settled = new AtomicBoolean();

    TrackedEvent(UsageEventInput event, long sequence) {
        this.event = event;
        this.sequence = sequence;
    }

    /** True for the first caller only: the one that may report this event's outcome. */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }
}
