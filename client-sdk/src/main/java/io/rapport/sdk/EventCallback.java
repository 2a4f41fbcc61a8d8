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

    /** The server stored the event. */
    default void onDelivered(UsageEventInput event) {
    }

    /**
     * The server already had this {@code eventId}: the event is stored, once. Seen when a batch is
     * resent after its response was lost.
     */
    default void onDuplicate(UsageEventInput event) {
    }

    /**
     * The server refused the event and will always refuse it (an unknown officer, an event in the far
     * future, ...): it is not retried. {@code code} is the stable problem code.
     */
    default void onRejected(UsageEventInput event, String code, String message) {
    }

    /**
     * The event could not be delivered: the server stayed unreachable or failing through every retry,
     * or the tracker was closed before it could be sent. The event may be tracked again safely (with
     * its {@code eventId}, the server keeps it once).
     */
    default void onFailed(UsageEventInput event, RapportException cause) {
    }
}
