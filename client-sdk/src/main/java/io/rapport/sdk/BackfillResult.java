package io.rapport.sdk;

import java.util.Map;

/**
 * What became of the events one {@link EventTracker#trackAll} call took from its source. The counts are of
 * this call's events only (events other threads track meanwhile are not in them), and each event taken is
 * in exactly one of them — or in {@code unsettled} when the call was interrupted. Every outcome was also
 * reported to the tracker's {@link EventCallback}.
 *
 * <p>To go on after a stop, fix the cause and call {@code trackAll} again on the source from position
 * {@link #resumeAt()}. Events after that position may already be stored: give every historical event an
 * {@code eventId} derived from your own record's id (for example {@code UUID.nameUUIDFromBytes}), and the
 * server stores each once however often it is sent.
 *
 * @param status         why the call returned
 * @param taken          events read from the source and queued
 * @param delivered      of those, events the server stored
 * @param duplicates     events the server already had (stored once, before)
 * @param rejected       events the server refused for good (reported through {@link EventCallback#onRejected});
 *                       a back-fill goes on past them
 * @param failed         events not delivered but deliverable later: the failure that stopped the back-fill, and
 *                       the events it had queued but not yet sent
 * @param unsettled      events still queued or in flight when the call returned; not zero only after an
 *                       interrupt, their outcomes follow through the callback
 * @param resumeAt       the position (0-based) in the source of the first event taken that is not known to be
 *                       stored or refused, or {@code taken} when there is none: where a rerun starts
 * @param rejectedByCode the rejections counted by their problem code, for example {@code event_too_old}
 * @param cause          the failure or refusal that stopped the back-fill, or null
 */
public record BackfillResult(Status status, long taken, long delivered, long duplicates, long rejected, long failed,
                             long unsettled, long resumeAt, Map<String, Long> rejectedByCode, RapportException cause) {

    /** Why {@link EventTracker#trackAll} returned. */
    public enum Status {
        /** The source ran out and every event taken has an outcome. */
        COMPLETED,
        /**
         * Events failed after the client's retries (server unreachable, 5xx, 429): the back-fill stopped taking
         * events at once, and the events it had queued were reported failed without being sent.
         */
        FAILED,
        /**
         * The server refused a whole batch for good (a bad key, a missing {@code events:write} scope): every
         * later batch would be refused alike, so the back-fill stopped as for {@link #FAILED}.
         */
        REFUSED,
        /** The calling thread was interrupted; its interrupt flag is set again. */
        INTERRUPTED,
        /** The tracker was closed meanwhile; {@code close()} reported what it could not send. */
        CLOSED
    }

    /**
     * True when every event taken from the source is stored (delivered now or before) and the source was read
     * to its end: nothing is left to send again. Rejected events are not counted against it; see
     * {@link #rejected()}.
     *
     * @return whether the back-fill is done
     */
    public boolean completed() {
        return status == Status.COMPLETED && failed == 0 && unsettled == 0;
    }
}
