package io.rapport.sdk;

import io.rapport.sdk.model.UsageEventInput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between {@code track} and the flusher. A plain lock with two conditions, so the
 * flusher can be woken by a full batch, a flush request or a producer waiting for room (a queue smaller
 * than a batch is then sent when full, not after the interval), and producers wait for room only as long
 * as they agreed to. Thread-safe.
 */
final class EventBuffer {
    private final int capacity;
    private final int batchSize;
    private final ArrayDeque<TrackedEvent> events = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private final Condition work = lock.newCondition();
    private boolean flushWanted;
    /** A producer waits for room: send what is queued rather than wait for a full batch or the interval. */
    private boolean roomWanted;
    private boolean closed;
    private long lastSequence;
    private int peakSize;

    EventBuffer(int capacity, int batchSize) {
        this.capacity = capacity;
        this.batchSize = batchSize;
    }

    /**
     * Appends the event, waiting up to {@code timeoutNanos} for room, and gives it the next place in line.
     *
     * @return the queued event, or null when there was no room in time
     * @throws IllegalStateException once the buffer is closed
     */
    TrackedEvent put(UsageEventInput input, long timeoutNanos) throws InterruptedException {
        return put(input, timeoutNanos, null, -1);
    }

    /**
     * As {@link #put(UsageEventInput, long)} for a back-fill: the event carries the back-fill's tally and its
     * position in the source, and the wait for room also ends (returning null) once that back-fill stopped.
     */
    TrackedEvent put(UsageEventInput input, long timeoutNanos, BackfillTally tally, long index)
            throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeoutNanos;
            while (events.size() >= capacity && !closed) {
                if (nanos <= 0 || tally != null && tally.stopped()) {
                    return null;
                }
                roomWanted = true;
                work.signal();
                nanos = room.awaitNanos(nanos);
            }
            if (closed) {
                throw new IllegalStateException("The event tracker is closed");
            }
            TrackedEvent event = new TrackedEvent(input, ++lastSequence, tally, index);
            if (tally != null) {
                tally.taken(index);
            }
            events.addLast(event);
            peakSize = Math.max(peakSize, events.size());
            if (events.size() >= batchSize) {
                work.signal();
            }
            return event;
        } finally {
            lock.unlock();
        }
    }

    /** Asks the flusher to send what is queued now, without waiting for a full batch or the interval. */
    void requestFlush() {
        lock.lock();
        try {
            flushWanted = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new events from now on, and wakes the flusher to drain the rest. */
    void close() {
        lock.lock();
        try {
            closed = true;
            flushWanted = true;
            work.signal();
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * For the flusher: waits up to {@code maxWaitNanos} for a full batch or a flush request, then hands
     * out up to a batch of events (possibly none).
     */
    List<TrackedEvent> next(long maxWaitNanos) throws InterruptedException {
        lock.lock();
        try {
            long nanos = maxWaitNanos;
            while (events.size() < batchSize && !flushWanted && !roomWanted && nanos > 0) {
                nanos = work.awaitNanos(nanos);
            }
            List<TrackedEvent> batch = new ArrayList<>(Math.min(batchSize, events.size()));
            while (batch.size() < batchSize && !events.isEmpty()) {
                batch.add(events.pollFirst());
            }
            if (events.isEmpty() && !closed) {
                flushWanted = false;
            }
            roomWanted = false;
            room.signalAll();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Takes every queued event out (the ones {@code close()} could not send). */
    List<TrackedEvent> drain() {
        lock.lock();
        try {
            List<TrackedEvent> rest = new ArrayList<>(events);
            events.clear();
            room.signalAll();
            return rest;
        } finally {
            lock.unlock();
        }
    }

    boolean isDrained() {
        lock.lock();
        try {
            return closed && events.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** The place in line of the last event queued so far: what a flush must wait for. */
    long lastSequence() {
        lock.lock();
        try {
            return lastSequence;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }

    /** The most events ever queued at once, observed under the lock at every {@code put}. */
    int peakSize() {
        lock.lock();
        try {
            return peakSize;
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    static long nanos(java.time.Duration duration) {
        return TimeUnit.NANOSECONDS.convert(duration);
    }
}
