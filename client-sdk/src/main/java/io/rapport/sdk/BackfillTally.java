package io.rapport.sdk;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The outcomes of one {@link EventTracker#trackAll} call, told by the ledger as its events settle, and the
 * reason it stops taking events. Its memory is bounded like the queue's: it remembers the positions of
 * events still unsettled (at most a queue and a batch of them), not of every event. Thread-safe.
 */
final class BackfillTally {
    private final LongAdder delivered = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, LongAdder> rejectedByCode = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Long> open = new ConcurrentSkipListSet<>();
    private final AtomicLong firstFailed = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong settled = new AtomicLong();
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    /** How many the producer took, once it stopped taking; until then no count reaches it. */
    private volatile long expected = Long.MAX_VALUE;

    /** Why the back-fill stopped taking events, and the failure behind it (null when there was none). */
    record Stop(BackfillResult.Status status, RapportException cause) {
    }

    /** Called under the buffer's lock, before the event can be handed to the flusher. */
    void taken(long index) {
        open.add(index);
    }

    void delivered(TrackedEvent e) {
        delivered.increment();
        settled(e);
    }

    void duplicate(TrackedEvent e) {
        duplicates.increment();
        settled(e);
    }

    void rejected(TrackedEvent e, String code) {
        rejected.increment();
        rejectedByCode.computeIfAbsent(code == null ? "unknown" : code, c -> new LongAdder()).increment();
        settled(e);
    }

    /** A failure after the retries means the server is unreachable or failing: taking more would not help. */
    void failed(TrackedEvent e, RapportException cause) {
        failed.increment();
        firstFailed.accumulateAndGet(e.index, Math::min);
        stop(BackfillResult.Status.FAILED, cause);
        settled(e);
    }

    /** Records why the back-fill stops; the first reason wins. */
    void stop(BackfillResult.Status status, RapportException cause) {
        stop.compareAndSet(null, new Stop(status, cause));
    }

    boolean stopped() {
        return stop.get() != null;
    }

    /** The exception reported for an event taken but never sent because the back-fill had stopped. */
    RapportException notSent() {
        Stop why = stop.get();
        return new RapportException("Not sent: the back-fill that took this event stopped ("
                + why.status().name().toLowerCase() + ")", why.cause());
    }

    /** Waits until all {@code taken} events have an outcome. */
    synchronized void awaitAll(long taken) throws InterruptedException {
        expected = taken;
        while (settled.get() < taken) {
            wait();
        }
    }

    /** The result now; {@code ending}, when not null, overrides the recorded reason. */
    BackfillResult result(long taken, BackfillResult.Status ending) {
        Stop why = stop.get();
        BackfillResult.Status status = ending != null ? ending : why == null ? BackfillResult.Status.COMPLETED : why.status();
        Long firstOpen = open.isEmpty() ? null : open.first();
        long resumeAt = Math.min(Math.min(firstFailed.get(), firstOpen == null ? taken : firstOpen), taken);
        Map<String, Long> codes = new TreeMap<>();
        rejectedByCode.forEach((code, count) -> codes.put(code, count.sum()));
        return new BackfillResult(status, taken, delivered.sum(), duplicates.sum(), rejected.sum(), failed.sum(),
                taken - settled.get(), resumeAt, java.util.Collections.unmodifiableMap(codes), why == null ? null : why.cause());
    }

    private void settled(TrackedEvent e) {
        open.remove(e.index);
        if (settled.incrementAndGet() >= expected) {
            synchronized (this) {
                notifyAll();
            }
        }
    }
}
