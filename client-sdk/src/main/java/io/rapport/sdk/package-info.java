/**
 * The Rapport Java SDK: {@link io.rapport.sdk.RapportClient} (built with
 * {@code RapportClient.builder().baseUrl(..).apiKey(..).build()}) and its typed groups, with retries,
 * idempotency keys and RFC 9457 problems turned into {@link io.rapport.sdk.RapportApiException}s.
 *
 * <p><b>Usage events.</b> {@link io.rapport.sdk.EventTracker} ({@code client.tracker(options)}) sends events
 * in the background: {@code track} for events as they happen (never blocks on the network; a full queue
 * refuses, see {@link io.rapport.sdk.TrackerOptions}), and {@code trackAll} for back-filling history.
 *
 * <p><b>Back-filling history.</b> Hand the past events, read lazily and oldest first, each with its own
 * {@code occurredAt} and an {@code eventId} derived from your record's id, to
 * {@link io.rapport.sdk.EventTracker#trackAll(java.util.stream.Stream)}. It waits for room in the tracker's
 * bounded queue instead of refusing, so memory stays bounded however long the history, and returns a
 * {@link io.rapport.sdk.BackfillResult}: events stored, already stored, refused one by one (counted by code),
 * and, when it stopped early (server down, a whole batch refused, interrupted, tracker closed), where in the
 * source to resume:
 *
 * <pre>{@code
 * try (EventTracker tracker = rapport.tracker(TrackerOptions.defaults());
 *      Stream<UsageEventInput> history = crm.pastEvents().skip(resumeAt)) {
 *     BackfillResult result = tracker.trackAll(history);
 *     if (!result.completed()) {
 *         saveResumePoint(resumeAt + result.resumeAt()); // fix result.cause(), run again from there
 *     }
 * }
 * }</pre>
 */
package io.rapport.sdk;
