package io.rapport.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.sdk.internal.api.EventsApi;
import io.rapport.sdk.model.EventBatch;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** Makes event trackers that send through one client's executor. Thread-safe. */
final class TrackerFactory {
    private final EventsApi api;
    private final RequestExecutor executor;
    private final ObjectMapper mapper;
    private final Clock clock;

    TrackerFactory(EventsApi api, RequestExecutor executor, ObjectMapper mapper, Clock clock) {
        this.api = api;
        this.executor = executor;
        this.mapper = mapper;
        this.clock = clock;
    }

    EventTracker create(TrackerOptions options) {
        Objects.requireNonNull(options, "options");
        // sentAt is stamped per attempt, inside the call: a retried batch must not carry the first
        // attempt's time, or the server's skew correction would move its events later by the wait.
        BatchSender sender = (events, listener) -> executor.execute(headers -> api.ingestEvents(new EventBatch()
                .sentAt(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).events(events), headers), listener);
        return new EventTracker(sender, mapper, options, clock);
    }
}
