package io.rapport.server.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.common.auth.Caller;
import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.auth.EmbedCaller;
import io.rapport.server.common.auth.InstallCaller;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.generated.api.EventsApi;
import io.rapport.server.generated.model.EventBatch;
import io.rapport.server.generated.model.EventBatchResult;
import io.rapport.server.generated.model.UsageEventPage;
import io.rapport.server.ops.OpsMetrics;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

public class EventResource implements EventsApi {
    private final EventIngestService ingest;
    private final TimelineService timelines;
    private final EventInputs inputs;
    private final EventViews views;
    private final OpsMetrics metrics;

    public EventResource(EventIngestService ingest, TimelineService timelines, ObjectMapper mapper, OpsMetrics metrics) {
        this.ingest = ingest;
        this.metrics = metrics;
        this.timelines = timelines;
        this.inputs = new EventInputs(mapper);
        this.views = new EventViews(mapper);
    }

    @Override
    public Response ingestEvents(EventBatch batch) {
        Caller caller = Callers.current();
        Sender sender;
        if (caller instanceof InstallCaller install) {
            sender = new Sender(install.orgId(), install.officerId(), install.partnerId());
        } else if (caller instanceof EmbedCaller embed) {
            sender = Sender.officerTouches(embed.orgId(), embed.officerId());
        } else {
            sender = Sender.organization(caller.orgId());
        }
        IngestResult result = ingest.ingest(sender, batch.getSentAt() == null ? null : batch.getSentAt().toInstant(),
                inputs.of(batch.getEvents()));
        metrics.events(result.acceptedEventIds().size(), result.duplicateEventIds().size(),
                () -> result.rejected().stream().map(EventRejection::code).iterator());
        return Response.ok(new EventBatchResult().accepted(result.accepted()).duplicates(result.duplicates())
                .rejected(result.rejected().stream().map(EventViews::toDto).toList())
                .acceptedEventIds(result.acceptedEventIds()).duplicateEventIds(result.duplicateEventIds())).build();
    }

    @Override
    public Response listRelationshipEvents(UUID relationshipId, Integer limit, String cursor, String type,
                                           OffsetDateTime from, OffsetDateTime to) {
        return page(timelines.ofRelationship(Callers.orgId(), relationshipId, filter(type, from, to), cursor, limit));
    }

    @Override
    public Response listPartnerEvents(UUID partnerId, Integer limit, String cursor, String type,
                                      OffsetDateTime from, OffsetDateTime to) {
        return page(timelines.ofPartner(Callers.orgId(), partnerId, filter(type, from, to), cursor, limit));
    }

    private Response page(Page<UsageEvent> page) {
        return Response.ok(new UsageEventPage().items(page.map(views::toDto).items()).nextCursor(page.nextCursor())).build();
    }

    private static TimelineFilter filter(String type, OffsetDateTime from, OffsetDateTime to) {
        return new TimelineFilter(type, instant("from", from), instant("to", to));
    }

    private static Instant instant(String parameter, OffsetDateTime value) {
        Instant instant = value == null ? null : value.toInstant();
        if (!TimeRange.queryable(instant)) {
            throw ApiProblemException.invalid(parameter, "must lie between the years 1 and 9999");
        }
        return instant;
    }
}
