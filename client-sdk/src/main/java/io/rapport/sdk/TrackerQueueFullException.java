package io.rapport.sdk;

/**
 * {@link EventTracker#track} found the queue full for longer than its enqueue timeout: the event was
 * not taken (nothing is ever dropped silently). Slow down, raise the queue size, or use
 * {@link EventTracker#offer} to decide per event.
 */
public class TrackerQueueFullException extends RapportException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public TrackerQueueFullException(String message) {
        super(message, null);
    }
}
