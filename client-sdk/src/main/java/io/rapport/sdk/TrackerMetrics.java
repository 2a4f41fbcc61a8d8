package io.rapport.sdk;

/**
 * A snapshot of an {@link EventTracker}'s counters since it was created.
 *
 * @param tracked    events accepted by {@code track}/{@code offer}/{@code trackAll}
 * @param queued     events waiting to be sent now
 * @param peakQueued the most events ever waiting at once (never more than the queue's size)
 * @param delivered  events the server stored
 * @param duplicates events the server already had
 * @param rejected   events the server refused for good
 * @param failed     events reported through {@link EventCallback#onFailed}
 * @param batches    batches the server answered
 * @param retries    repeated HTTP attempts of batches
 */
public record TrackerMetrics(long tracked, int queued, int peakQueued, long delivered, long duplicates, long rejected,
                             long failed, long batches, long retries) {

    /**
     * Events the server holds: delivered now or before.
     *
     * @return the value
     */
    public long sent() {
        return delivered + duplicates;
    }
}
