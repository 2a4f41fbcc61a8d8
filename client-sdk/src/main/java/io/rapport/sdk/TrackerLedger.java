package io.rapport.sdk;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reports outcomes through the callback, each event exactly once, counts them, and remembers how far
 * in line everything is settled so {@code flush()} knows when to return. Thread-safe.
 */
final class TrackerLedger {
    private static final System.Logger LOG = System.getLogger(EventTracker.class.getName());

    private final EventCallback callback;
    final LongAdder delivered = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder retries = new LongAdder();
    private long settledThrough;

    TrackerLedger(EventCallback callback) {
        this.callback = callback;
    }

    void delivered(TrackedEvent e) {
        if (e.settle()) {
            delivered.increment();
            safely(() -> callback.onDelivered(e.event));
        }
    }

    void duplicate(TrackedEvent e) {
        if (e.settle()) {
            duplicates.increment();
            safely(() -> callback.onDuplicate(e.event));
        }
    }

    void rejected(TrackedEvent e, String code, String message) {
        if (e.settle()) {
            rejected.increment();
            safely(() -> callback.onRejected(e.event, code, message));
        }
    }

    void failed(TrackedEvent e, RapportException cause) {
        if (e.settle()) {
            failed.increment();
            safely(() -> callback.onFailed(e.event, cause));
        }
    }

    /** Everything up to {@code sequence} has an outcome: wakes the flushes waiting for it. */
    synchronized void settledThrough(long sequence) {
        if (sequence > settledThrough) {
            settledThrough = sequence;
            notifyAll();
        }
    }

    /** Waits until every event up to {@code sequence} is settled; false when the timeout came first. */
    synchronized boolean awaitSettled(long sequence, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (settledThrough < sequence) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "An EventCallback threw; the tracker carries on", e);
        }
    }
}
