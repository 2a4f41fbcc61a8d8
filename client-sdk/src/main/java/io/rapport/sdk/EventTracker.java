package io.rapport.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.sdk.model.UsageEventInput;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Sends usage events in the background, in batches, and tells what became of each one.
 *
 * <pre>{@code
 * try (EventTracker tracker = rapport.tracker(TrackerOptions.builder().callback(myCallback).build())) {
 *     tracker.track(new UsageEventInput().type("app_opened").officerId(officer).partnerId(partner));
 * } // close(): sends what is queued, reports anything it could not
 * }</pre>
 *
 * <p><b>Behaviour.</b> {@code track} copies the event, gives it an {@code eventId} (unless it has one)
 * and an {@code occurredAt} of now (unless it has one), and queues it; it does no I/O. One flusher
 * thread sends batches of up to 500 events and 1 MiB when a batch is full, when {@link #flush} is called
 * or at the latest one flush interval after the flusher last looked; each batch is retried under the
 * client's retry policy, and because the eventIds are fixed at {@code track} time a batch resent after a
 * lost response is stored once (the server reports it as duplicates). Exactly one
 * {@link EventCallback} method is called once for every event taken: delivered, duplicate, rejected
 * (never retried) or failed (after the retries, or at close). The server names each duplicate by its
 * {@code eventId}, so in a batch mixing new and already-stored events each gets its own answer.
 *
 * <p><b>When the queue is full</b> (default 10,000 events): {@link #track} waits up to the configured
 * enqueue timeout (default: not at all) and then throws {@link TrackerQueueFullException};
 * {@link #offer} returns empty at once; {@link #trackAll} waits as long as it takes. A waiting caller wakes
 * the flusher to send what is queued. An event is never dropped silently.
 *
 * <p><b>Back-filling history</b> (hundreds of thousands of past events): use {@link #trackAll}, which waits
 * for room instead of refusing, so memory stays bounded by the queue however long the history is.
 *
 * <pre>{@code
 * try (EventTracker tracker = rapport.tracker(TrackerOptions.builder().closeTimeout(Duration.ofMinutes(1)).build());
 *      Stream<UsageEventInput> history = crm.pastEvents()) {   // read lazily, e.g. from a JDBC cursor
 *     BackfillResult result = tracker.trackAll(history);
 *     if (!result.completed()) {
 *         // fix result.cause(), then run again from result.resumeAt()
 *     }
 * }
 * }</pre>
 *
 * <p><b>Threading.</b> All methods are thread-safe. The flusher is a daemon thread: call
 * {@link #close()} before the JVM exits, or queued events are lost without a callback.
 */
public final class EventTracker implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);

    private final TrackerOptions options;
    private final Clock clock;
    private final EventBuffer buffer;
    private final TrackerLedger ledger;
    private final Flusher flusher;
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();

    EventTracker(BatchSender sender, ObjectMapper mapper, TrackerOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.buffer = new EventBuffer(options.maxQueueSize(), options.batchSize());
        this.ledger = new TrackerLedger(options.callback());
        this.flusher = new Flusher(buffer, sender, ledger, mapper, options);
        this.thread = new Thread(flusher, "rapport-event-tracker-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a copy of the event for sending.
     *
     * @return the event's {@code eventId}
     * @param event the event
     * @throws TrackerQueueFullException when the queue stayed full through the enqueue timeout
     * @throws IllegalStateException     after {@link #close()}
     * @throws NullPointerException      when {@code event} is null
     */
    public UUID track(UsageEventInput event) {
        UsageEventInput copy = prepare(event);
        if (!enqueue(copy, options.enqueueTimeout())) {
            throw new TrackerQueueFullException("The event tracker's queue (" + options.maxQueueSize()
                    + " events) is full; the event was not tracked");
        }
        return copy.getEventId();
    }

    /**
     * Queues a copy of the event if there is room now; never blocks.
     *
     * @return the event's {@code eventId}, or empty when the queue is full (the event was not taken)
     * @param event the event
     * @throws IllegalStateException after {@link #close()}
     */
    public Optional<UUID> offer(UsageEventInput event) {
        UsageEventInput copy = prepare(event);
        return enqueue(copy, Duration.ZERO) ? Optional.of(copy.getEventId()) : Optional.empty();
    }

    /**
     * Feeds a history of events through the tracker, waiting for room in the queue whenever it is full,
     * and returns when each event taken has an outcome. For back-fills: nothing is refused for want of
     * room, and memory stays bounded by the queue's size, however long the source (read it lazily).
     *
     * <p>Each event is copied and given an {@code eventId} (unless it has one) and an {@code occurredAt}
     * (unless it has one) as {@link #track} does, and its outcome is reported to the callback as usual.
     * Give historical events their own {@code occurredAt} and, so that a rerun stores nothing twice, an
     * {@code eventId} derived from your record's id.
     *
     * <p>The call stops taking events, and returns without waiting out the queue, when:
     * <ul>
     *   <li>an event failed after the client's retries (server down, 5xx, 429): status {@code FAILED}; the
     *       events it had queued are reported failed without being sent, so a dead server costs one batch's
     *       retries, not one per queued batch;</li>
     *   <li>the server refused a whole batch for good (a bad key, a missing scope): {@code REFUSED};</li>
     *   <li>the thread is interrupted: {@code INTERRUPTED}, returning at once with the interrupt flag set
     *       (queued events are reported failed, the batch in flight through the callback later);</li>
     *   <li>the tracker is closed by another thread: {@code CLOSED}.</li>
     * </ul>
     * Events the server refuses one by one (an unknown officer, an event too old) are counted in
     * {@link BackfillResult#rejected()} and the back-fill goes on.
     *
     * <p>Blocks the calling thread. Do not call it from an {@link EventCallback}: the flusher would wait for
     * itself. Other threads may {@code track} meanwhile; their events share the queue, not the result.
     *
     * @param events the history, read once, in order; an exception it throws reaches the caller (the
     *               events already taken are still sent and reported through the callback)
     * @return what became of the events taken
     * @throws IllegalStateException when the tracker is already closed
     * @throws NullPointerException  when {@code events} or one of its events is null
     */
    public BackfillResult trackAll(Iterable<? extends UsageEventInput> events) {
        return backfill(Objects.requireNonNull(events, "events").iterator());
    }

    /**
     * As {@link #trackAll(Iterable)}, for a stream read lazily (for example rows from a database cursor).
     * The stream is not closed here.
     *
     * @param events the history, consumed once, in order
     * @return what became of the events taken
     * @throws IllegalStateException when the tracker is already closed
     * @throws NullPointerException  when {@code events} or one of its events is null
     */
    public BackfillResult trackAll(Stream<? extends UsageEventInput> events) {
        return backfill(Objects.requireNonNull(events, "events").iterator());
    }

    /**
     * Sends every event tracked so far and waits until each has an outcome (bounded by the retry policy).
     *
     * @throws IllegalStateException when interrupted while waiting (the interrupt flag is kept)
     */
    public void flush() {
        flush(Duration.ofDays(1));
    }

    /**
     * Sends every event tracked so far and waits up to {@code timeout} until each has an outcome.
     *
     * @return false when the timeout came first (the events stay queued or in flight)
     * @param timeout a positive duration
     */
    public boolean flush(Duration timeout) {
        long target = buffer.lastSequence();
        buffer.requestFlush();
        try {
            return ledger.awaitSettled(target, EventBuffer.nanos(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while flushing events", e);
        }
    }

    /**
     * The counters so far.
     *
     * @return a snapshot of the counters
     */
    public TrackerMetrics metrics() {
        return new TrackerMetrics(buffer.lastSequence(), buffer.size(), buffer.peakSize(), ledger.delivered.sum(),
                ledger.duplicates.sum(), ledger.rejected.sum(), ledger.failed.sum(), ledger.batches.sum(),
                ledger.retries.sum());
    }

    /**
     * Stops taking events, sends what is queued for up to the close timeout, then stops the flusher and
     * reports every event still undelivered through {@link EventCallback#onFailed}. Idempotent: later
     * calls return at once.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        buffer.close();
        boolean interrupted = join(options.closeTimeout());
        if (thread.isAlive()) {
            thread.interrupt();
            interrupted |= join(INTERRUPT_GRACE);
        }
        RapportException notSent = new RapportException(
                "The event tracker was closed before this event could be delivered", null);
        flusher.inFlight().forEach(event -> ledger.failed(event, notSent));
        buffer.drain().forEach(event -> ledger.failed(event, notSent));
        ledger.settledThrough(Long.MAX_VALUE);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private BackfillResult backfill(Iterator<? extends UsageEventInput> source) {
        if (closed.get()) {
            throw new IllegalStateException("The event tracker is closed");
        }
        BackfillTally tally = new BackfillTally();
        long taken = 0;
        try {
            while (!tally.stopped() && source.hasNext()) {
                UsageEventInput copy = prepare(Objects.requireNonNull(source.next(), "event"));
                if (!backfillOne(copy, tally, taken)) {
                    break;
                }
                taken++;
            }
            buffer.requestFlush(); // the last partial batch goes now, not after the interval
            tally.awaitAll(taken);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.stop(BackfillResult.Status.INTERRUPTED, null);
            buffer.requestFlush(); // the flusher reports the queued ones failed, unsent
            return tally.result(taken, BackfillResult.Status.INTERRUPTED);
        }
        BackfillResult result = tally.result(taken, null);
        // close() from another thread fails what it could not send: that is the tracker closing, not the server.
        return buffer.isClosed() && !result.completed() ? tally.result(taken, BackfillResult.Status.CLOSED) : result;
    }

    /** Queues one event of a back-fill, waiting for room; false when the back-fill stopped or the tracker closed. */
    private boolean backfillOne(UsageEventInput copy, BackfillTally tally, long index) throws InterruptedException {
        try {
            return buffer.put(copy, Long.MAX_VALUE, tally, index) != null;
        } catch (IllegalStateException closedMeanwhile) {
            tally.stop(BackfillResult.Status.CLOSED, null);
            return false;
        }
    }

    private boolean enqueue(UsageEventInput copy, Duration timeout) {
        try {
            return buffer.put(copy, EventBuffer.nanos(timeout)) != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackerQueueFullException("Interrupted while waiting for room in the event tracker's queue");
        }
    }

    /** A copy the caller can no longer change, with its id and time fixed now. */
    private UsageEventInput prepare(UsageEventInput event) {
        return new UsageEventInput()
                .eventId(event.getEventId() != null ? event.getEventId() : UUID.randomUUID())
                .type(event.getType())
                .occurredAt(event.getOccurredAt() != null ? event.getOccurredAt()
                        : OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .officerId(event.getOfficerId())
                .officerExternalId(event.getOfficerExternalId())
                .partnerId(event.getPartnerId())
                .partnerExternalId(event.getPartnerExternalId())
                .contentId(event.getContentId())
                .properties(event.getProperties() == null ? null : new HashMap<>(event.getProperties()));
    }

    /** True when this thread was interrupted while waiting. */
    private boolean join(Duration timeout) {
        try {
            thread.join(timeout.toMillis());
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
