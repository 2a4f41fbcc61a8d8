package io.rapport.sdk;

import io.rapport.sdk.model.UsageEventInput;

/**
 * Told the fate of each event given to an {@link EventTracker}: exactly one of these methods is called
 * once for every event that {@code track} or {@code offer} accepted.
 *
 * <p>Called on the tracker's flusher thread (or, for events still undelivered when {@code close()} gives
 * up, on the thread calling {@code close()}), one event at a time. Keep the methods short: the flusher
 * sends nothing while they run, so a callback that re-tracks an event must use {@code offer}, never a
 * {@code track} that waits for room. An exception a method throws is caught and ignored.
 */
public interface EventCallback {
    /** A callback that ignores everything. */
    EventCallback NONE = new EventCallback() {
    };

    /**
     * The server stored the event.
     *
     * @param event the event as sent, with its {@code eventId}
     */
    default void onDelivered(UsageEventInput event) {
    }

    /**
     * The server already had this {@code eventId}: the event is stored, once. Seen when a batch is
     * resent after its response was lost.
     *
     * @param event the event as sent
     */
    default void onDuplicate(UsageEventInput event) {
    }

    /**
     * The server refused the event and will always refuse it as sent (an unknown officer, an event in the far
     * future, a key without the {@code events:write} scope, ...): a 4xx that no retry can fix. It is not
     * retried; fix the event or the setup rather than sending it again. A failure that may pass (429, 408,
     * 5xx, network, timeout) is never reported here but through {@link #onFailed}.
     *
     * @param event   the event as sent
     * @param code    the stable problem code, for example {@code unknown_officer}
     * @param message a human-readable reason
     */
    default void onRejected(UsageEventInput event, String code, String message) {
    }

    /**
     * The event could not be delivered, but may be later: the server stayed unreachable, rate-limiting
     * (429), timing out (408) or failing (5xx) through every retry, its answer did not account for this
     * event, or the tracker was closed before it could be sent. Keep the event and track it again later
     * (with its {@code eventId}, the server stores it once, however often it is sent).
     *
     * @param event the event as sent
     * @param cause why: a {@link RapportApiException} with the last status, a {@link RapportConnectionException},
     *              or a {@link RapportException} saying what was missing
     */
    default void onFailed(UsageEventInput event, RapportException cause) {
    }
}
