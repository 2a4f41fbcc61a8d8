package io.rapport.sdk;

import io.rapport.sdk.internal.api.EventsApi;
import io.rapport.sdk.model.EventBatch;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.UsageEvent;
import io.rapport.sdk.model.UsageEventInput;
import io.rapport.sdk.model.UsageEventPage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
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
    private final Clock clock;

    Events(EventsApi api, RequestExecutor executor, Clock clock) {
        this.api = api;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Sends one batch of 1..500 events. An event without an {@code eventId} is given a random one and an
     * event without an {@code occurredAt} is given the current time, set on the event objects passed in
     * (before the first attempt, so a retried batch is recognised event by event), so the caller can
     * match them with the answer's {@code acceptedEventIds} and {@code duplicateEventIds}.
     *
     * @param batch the events, and optionally {@code sentAt}
     * @return the answer for each event
     */
    public EventBatchResult send(EventBatch batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.getEvents() != null) {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            for (UsageEventInput event : batch.getEvents()) {
                if (event != null && event.getEventId() == null) {
                    event.setEventId(UUID.randomUUID());
                }
                if (event != null && event.getOccurredAt() == null) {
                    event.setOccurredAt(now);
                }
            }
        }
        return executor.execute(headers -> api.ingestEvents(batch, headers));
    }

    /**
     * Sends these events as one batch, without {@code sentAt} (no skew correction); ids and times are filled
     * in as {@link #send(EventBatch)} says.
     *
     * @param events 1..500 events
     * @return the answer for each event
     */
    public EventBatchResult send(List<UsageEventInput> events) {
        return send(new EventBatch().events(events));
    }

    /**
     * One page of a relationship's timeline, newest first.
     *
     * @param relationshipId the relationship
     * @param query          filters and paging
     * @return the page
     */
    public UsageEventPage listForRelationship(UUID relationshipId, EventsQuery query) {
        return executor.execute(headers -> api.listRelationshipEvents(relationshipId, query.limit(), query.cursor(),
                query.type(), query.from(), query.to(), headers));
    }

    /**
     * A relationship's whole (filtered) timeline from the query's cursor on, fetching pages lazily.
     *
     * @param relationshipId the relationship
     * @param query          filters; its limit is the page size (default 500)
     * @return the events, newest first
     */
    public Stream<UsageEvent> allForRelationship(UUID relationshipId, EventsQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            UsageEventPage page = executor.execute(headers -> api.listRelationshipEvents(relationshipId,
                    query.pageSize(), cursor, query.type(), query.from(), query.to(), headers));
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /**
     * One page of a partner's timeline across all its officers, newest first.
     *
     * @param partnerId the partner
     * @param query     filters and paging
     * @return the page
     */
    public UsageEventPage listForPartner(UUID partnerId, EventsQuery query) {
        return executor.execute(headers -> api.listPartnerEvents(partnerId, query.limit(), query.cursor(),
                query.type(), query.from(), query.to(), headers));
    }

    /**
     * A partner's whole (filtered) timeline from the query's cursor on, fetching pages lazily.
     *
     * @param partnerId the partner
     * @param query     filters; its limit is the page size (default 500)
     * @return the events, newest first
     */
    public Stream<UsageEvent> allForPartner(UUID partnerId, EventsQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            UsageEventPage page = executor.execute(headers -> api.listPartnerEvents(partnerId,
                    query.pageSize(), cursor, query.type(), query.from(), query.to(), headers));
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /**
     * One page of a relationship's timeline.
     *
     * @param relationshipId the relationship
     * @param limit          page size
     * @param cursor         where to continue
     * @param type           type filter
     * @param from           from (inclusive)
     * @param to             to (exclusive)
     * @return the page
     * @deprecated use {@link #listForRelationship(UUID, EventsQuery)}
     */
    @Deprecated(since = "0.2")
    public UsageEventPage listForRelationship(UUID relationshipId, Integer limit, String cursor, String type,
                                              OffsetDateTime from, OffsetDateTime to) {
        return executor.execute(headers -> api.listRelationshipEvents(relationshipId, limit, cursor, type, from, to, headers));
    }

    /**
     * A relationship's whole (filtered) timeline.
     *
     * @param relationshipId the relationship
     * @param type           type filter
     * @param from           from (inclusive)
     * @param to             to (exclusive)
     * @return the events
     * @deprecated use {@link #allForRelationship(UUID, EventsQuery)}
     */
    @Deprecated(since = "0.2")
    public Stream<UsageEvent> allForRelationship(UUID relationshipId, String type, OffsetDateTime from, OffsetDateTime to) {
        return allForRelationship(relationshipId, EventsQuery.builder().type(type).from(from).to(to).build());
    }

    /**
     * One page of a partner's timeline across all its officers.
     *
     * @param partnerId the partner
     * @param limit     page size
     * @param cursor    where to continue
     * @param type      type filter
     * @param from      from (inclusive)
     * @param to        to (exclusive)
     * @return the page
     * @deprecated use {@link #listForPartner(UUID, EventsQuery)}
     */
    @Deprecated(since = "0.2")
    public UsageEventPage listForPartner(UUID partnerId, Integer limit, String cursor, String type,
                                         OffsetDateTime from, OffsetDateTime to) {
        return executor.execute(headers -> api.listPartnerEvents(partnerId, limit, cursor, type, from, to, headers));
    }

    /**
     * A partner's whole (filtered) timeline.
     *
     * @param partnerId the partner
     * @param type      type filter
     * @param from      from (inclusive)
     * @param to        to (exclusive)
     * @return the events
     * @deprecated use {@link #allForPartner(UUID, EventsQuery)}
     */
    @Deprecated(since = "0.2")
    public Stream<UsageEvent> allForPartner(UUID partnerId, String type, OffsetDateTime from, OffsetDateTime to) {
        return allForPartner(partnerId, EventsQuery.builder().type(type).from(from).to(to).build());
    }
}
