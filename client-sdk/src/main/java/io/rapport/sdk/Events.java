package io.rapport.sdk;

import io.rapport.sdk.internal.api.EventsApi;
import io.rapport.sdk.model.EventBatch;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.UsageEvent;
import io.rapport.sdk.model.UsageEventInput;
import io.rapport.sdk.model.UsageEventPage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Usage events: sending batches and reading timelines. Thread-safe.
 *
 * <p>{@link #send(EventBatch)} answers per event, never all-or-nothing: the result counts the events
 * accepted and the duplicates (an {@code eventId} already stored: re-sending a batch is always safe),
 * names them ({@code acceptedEventIds}, {@code duplicateEventIds}) and lists each rejected event with its index and a stable code. It throws only when the batch as a
 * whole is refused: {@link InvalidRequestException} for more than 500 events or unreadable JSON,
 * {@link RapportApiException} with status 413 for a body over 1 MiB, {@link PermissionException} when an
 * install token sends for another relationship.
 *
 * <p>Timelines are newest first; the {@code type}, {@code from} (inclusive) and {@code to} (exclusive)
 * filters apply when not null.
 */
public final class Events {
    private final EventsApi api;
    private final RequestExecutor executor;

    Events(EventsApi api, RequestExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    /** Sends one batch of 1..500 events. */
    public EventBatchResult send(EventBatch batch) {
        return executor.execute(headers -> api.ingestEvents(batch, headers));
    }

    /** Sends these events as one batch, without {@code sentAt} (no skew correction). */
    public EventBatchResult send(List<UsageEventInput> events) {
        return send(new EventBatch().events(events));
    }

    /** One page of a relationship's timeline. */
    public UsageEventPage listForRelationship(UUID relationshipId, Integer limit, String cursor, String type,
                                              OffsetDateTime from, OffsetDateTime to) {
        return executor.execute(headers -> api.listRelationshipEvents(relationshipId, limit, cursor, type, from, to, headers));
    }

    /** A relationship's whole (filtered) timeline, fetching pages lazily as the stream is consumed. */
    public Stream<UsageEvent> allForRelationship(UUID relationshipId, String type, OffsetDateTime from, OffsetDateTime to) {
        return Pages.stream(cursor -> {
            UsageEventPage page = listForRelationship(relationshipId, Pages.PAGE_SIZE, cursor, type, from, to);
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /** One page of a partner's timeline across all its officers. */
    public UsageEventPage listForPartner(UUID partnerId, Integer limit, String cursor, String type,
                                         OffsetDateTime from, OffsetDateTime to) {
        return executor.execute(headers -> api.listPartnerEvents(partnerId, limit, cursor, type, from, to, headers));
    }

    /** A partner's whole (filtered) timeline, fetching pages lazily as the stream is consumed. */
    public Stream<UsageEvent> allForPartner(UUID partnerId, String type, OffsetDateTime from, OffsetDateTime to) {
        return Pages.stream(cursor -> {
            UsageEventPage page = listForPartner(partnerId, Pages.PAGE_SIZE, cursor, type, from, to);
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }
}
