package io.rapport.sdk;

import java.util.ArrayList;
import java.util.List;
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

    // Each outcome reaches the back-fill's tally after the callback, so a trackAll that returns has seen
    // every callback of its events fire.
    void delivered(TrackedEvent e) {
        if (e.settle()) {
            delivered.increment();
            safely(() -> callback.onDelivered(e.event));
            if (e.tally != null) {
                e.tally.delivered(e);
            }
        }
    }

    void duplicate(TrackedEvent e) {
        if (e.settle()) {
            duplicates.increment();
            safely(() -> callback.onDuplicate(e.event));
            if (e.tally != null) {
                e.tally.duplicate(e);
            }
        }
    }

    void rejected(TrackedEvent e, String code, String message) {
        if (e.settle()) {
            rejected.increment();
            safely(() -> callback.onRejected(e.event, code, message));
            if (e.tally != null) {
                e.tally.rejected(e, code);
            }
        }
    }

    void failed(TrackedEvent e, RapportException cause) {
        if (e.settle()) {
            failed.increment();
            safely(() -> callback.onFailed(e.event, cause));
            if (e.tally != null) {
                e.tally.failed(e, cause);
            }
        }
    }

    /**
     * The server refused a whole batch for good (a bad key, a missing scope): each event is rejected, and the
     * back-fills that sent them stop, since every later batch of theirs would be refused alike.
     */
    void refusedBatch(List<TrackedEvent> part, RapportApiException e) {
        part.forEach(event -> {
            if (event.tally != null) {
                event.tally.stop(BackfillResult.Status.REFUSED, e);
            }
            rejected(event, e.code(), e.getMessage());
        });
    }

    /**
     * The events of {@code part} still to be sent: an event whose back-fill has stopped is reported failed
     * here instead, unsent, so a stopped back-fill ends without each of its queued batches being retried.
     */
    List<TrackedEvent> sendable(List<TrackedEvent> part) {
        List<TrackedEvent> rest = new ArrayList<>(part.size());
        for (TrackedEvent event : part) {
            if (event.tally != null && event.tally.stopped()) {
                failed(event, event.tally.notSent());
            } else {
                rest.add(event);
            }
        }
        return rest;
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
