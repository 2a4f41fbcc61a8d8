package io.rapport.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.sdk.internal.invoker.JSON;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.EventRejection;
import io.rapport.sdk.model.Problem;
import io.rapport.sdk.model.UsageEventInput;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventTrackerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new JSON().getMapper();
    private static final Duration NEVER = Duration.ofHours(1);

    private final RecordingCallback callback = new RecordingCallback();
    private final List<List<UsageEventInput>> sent = new CopyOnWriteArrayList<>();
    private EventTracker tracker;

    @AfterEach
    void closeTracker() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void track_assignsAnEventIdAndTime_andKeepsOnesGiven() {
        tracker = tracker(options().flushInterval(NEVER), acceptAll());
        UUID given = UUID.randomUUID();
        OffsetDateTime when = OffsetDateTime.parse("2026-03-01T08:00:00Z");
        UsageEventInput mutable = event();

        UUID assigned = tracker.track(mutable);
        mutable.type("changed_after_tracking");
        UUID kept = tracker.track(event().eventId(given).occurredAt(when));
        tracker.flush();

        assertThat(kept).isEqualTo(given);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).extracting(UsageEventInput::getEventId).containsExactly(assigned, given);
        assertThat(sent.get(0).get(0).getType()).isEqualTo("app_opened");
        assertThat(sent.get(0).get(0).getOccurredAt().toInstant()).isEqualTo(CLOCK.instant());
        assertThat(sent.get(0).get(1).getOccurredAt()).isEqualTo(when);
        assertThat(mutable.getEventId()).isNull();
    }

    @Test
    void aFullQueue_makesTrackThrow_andOfferReturnEmpty_neverDroppingSilently() {
        tracker = tracker(options().maxQueueSize(3).flushInterval(NEVER), acceptAll());
        for (int i = 0; i < 3; i++) {
            tracker.track(event());
        }

        assertThatThrownBy(() -> tracker.track(event())).isInstanceOf(TrackerQueueFullException.class);
        assertThat(tracker.offer(event())).isEmpty();
        assertThat(tracker.metrics().tracked()).isEqualTo(3);
        assertThat(tracker.metrics().queued()).isEqualTo(3);

        tracker.close();
        assertThat(callback.count("delivered")).isEqualTo(3);
        assertThat(callback.outcomes).hasSize(3);
    }

    @Test
    void aFullQueue_makesTrackWaitForRoom_upToTheEnqueueTimeout() throws InterruptedException {
        // A waiting track() wakes the flusher, so the queue stays full only while the server is busy.
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        tracker = tracker(options().maxQueueSize(2).batchSize(2).flushInterval(NEVER)
                .enqueueTimeout(Duration.ofMillis(50)), batch -> {
                    sending.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return acceptAll().apply(batch);
                });
        tracker.track(event());
        tracker.track(event());
        sending.await();
        tracker.track(event());
        tracker.track(event());

        assertThatThrownBy(() -> tracker.track(event())).isInstanceOf(TrackerQueueFullException.class)
                .hasMessageContaining("2 events");
        release.countDown();
        tracker.flush();
        assertThat(tracker.track(event())).isNotNull();
        assertThat(tracker.metrics().peakQueued()).isEqualTo(2);
    }

    @Test
    void aTrackWaitingForRoom_wakesTheFlusher_soAQueueSmallerThanABatchIsSentWhenFull() {
        tracker = tracker(options().maxQueueSize(3).flushInterval(NEVER).enqueueTimeout(Duration.ofMinutes(5)), acceptAll());

        for (int i = 0; i < 10; i++) {
            tracker.track(event());
        }
        tracker.flush();

        assertThat(callback.count("delivered")).isEqualTo(10);
        assertThat(sent).allMatch(batch -> batch.size() <= 3);
    }

    @Test
    void batches_areCutByCount() {
        tracker = tracker(options().flushInterval(NEVER), acceptAll());
        for (int i = 0; i < 1_200; i++) {
            tracker.track(event());
        }

        tracker.flush();

        assertThat(sent).extracting(List::size).containsExactly(500, 500, 200);
        assertThat(callback.count("delivered")).isEqualTo(1_200);
        assertThat(tracker.metrics().batches()).isEqualTo(3);
    }

    @Test
    void batches_areCutBySerializedSize() throws Exception {
        int limit = 64 * 1024;
        tracker = tracker(options().flushInterval(NEVER).maxBatchBytes(limit), acceptAll());
        for (int i = 0; i < 20; i++) {
            tracker.track(event().putPropertiesItem("note", "x".repeat(10_000)));
        }

        tracker.flush();

        assertThat(sent.size()).isGreaterThan(3);
        for (List<UsageEventInput> batch : sent) {
            assertThat(MAPPER.writeValueAsBytes(batch).length).isLessThan(limit);
        }
        assertThat(callback.count("delivered")).isEqualTo(20);
    }

    @Test
    void anEventLargerThanABatch_isRejectedWithoutBeingSent() {
        tracker = tracker(options().flushInterval(NEVER).maxBatchBytes(4096), acceptAll());
        UUID big = tracker.track(event().putPropertiesItem("note", "x".repeat(5_000)));
        UUID small = tracker.track(event());

        tracker.flush();

        assertThat(callback.outcomes.get(big)).containsExactly("rejected:event_too_large");
        assertThat(callback.outcomes.get(small)).containsExactly("delivered");
        assertThat(sent).hasSize(1).allMatch(batch -> batch.size() == 1);
    }

    @Test
    void eventsTheServerRejects_areReported_andNotResent() {
        tracker = tracker(options().flushInterval(NEVER), batch -> recorded(batch)
                .accepted(batch.size() - 1).duplicates(0)
                .rejected(List.of(new EventRejection().index(1).eventId(batch.get(1).getEventId())
                        .code("unknown_event_type").field("type").message("no such type"))));
        UUID first = tracker.track(event());
        UUID second = tracker.track(event());
        UUID third = tracker.track(event());

        tracker.flush();

        assertThat(callback.outcomes.get(first)).containsExactly("delivered");
        assertThat(callback.outcomes.get(second)).containsExactly("rejected:unknown_event_type");
        assertThat(callback.outcomes.get(third)).containsExactly("delivered");
        assertThat(sent).hasSize(1);
        assertThat(tracker.metrics().rejected()).isEqualTo(1);
    }

    @Test
    void aBatchTheServerAlreadyHas_isReportedAsDuplicates() {
        tracker = tracker(options().flushInterval(NEVER),
                batch -> new EventBatchResult().accepted(0).duplicates(batch.size()).rejected(List.of()));
        tracker.track(event());
        tracker.track(event());

        tracker.flush();

        assertThat(callback.count("duplicate")).isEqualTo(2);
        assertThat(tracker.metrics().sent()).isEqualTo(2);
    }

    @Test
    void aMixedBatch_reportsExactlyTheNamedDuplicates_andDeliversTheRest() {
        Set<UUID> alreadyStored = new HashSet<>();
        tracker = tracker(options().flushInterval(NEVER), batch -> {
            List<UUID> ids = batch.stream().map(UsageEventInput::getEventId).toList();
            List<UUID> duplicates = ids.stream().filter(alreadyStored::contains).toList();
            List<UUID> accepted = ids.stream().filter(id -> !alreadyStored.contains(id)).toList();
            return recorded(batch).accepted(accepted.size()).duplicates(duplicates.size()).rejected(List.of())
                    .acceptedEventIds(accepted).duplicateEventIds(duplicates);
        });
        UUID first = tracker.track(event());
        UUID known = UUID.randomUUID();
        alreadyStored.add(known);
        tracker.track(event().eventId(known));
        UUID third = tracker.track(event());

        tracker.flush();

        assertThat(callback.outcomes.get(first)).containsExactly("delivered");
        assertThat(callback.outcomes.get(known)).containsExactly("duplicate");
        assertThat(callback.outcomes.get(third)).containsExactly("delivered");
        assertThat(tracker.metrics().duplicates()).isEqualTo(1);
        assertThat(tracker.metrics().delivered()).isEqualTo(2);
    }

    @Test
    void anIdTrackedTwiceInOneBatch_isDeliveredOnce_andItsRepeatIsTheDuplicate() {
        tracker = tracker(options().flushInterval(NEVER), batch -> {
            UUID repeated = batch.get(0).getEventId();
            return recorded(batch).accepted(1).duplicates(1).rejected(List.of())
                    .acceptedEventIds(List.of(repeated)).duplicateEventIds(List.of(repeated));
        });
        UUID id = UUID.randomUUID();
        tracker.track(event().eventId(id).type("app_opened"));
        tracker.track(event().eventId(id).type("content_viewed"));

        tracker.flush();

        assertThat(callback.outcomes.get(id)).containsExactly("delivered", "duplicate");
    }

    @Test
    void aBatchRefusedAsAWhole_reportsItsCode_andAServerFailureReportsFailed() {
        Problem problem = new Problem().status(403).code("missing_scope").title("Forbidden");
        tracker = tracker(options().flushInterval(NEVER), batch -> {
            throw new PermissionException(403, problem, null);
        });
        UUID refused = tracker.track(event());
        tracker.flush();
        tracker.close();

        tracker = tracker(options().flushInterval(NEVER), batch -> {
            throw new ServerException(503, new Problem().status(503).code("http_503"), null);
        });
        UUID failed = tracker.track(event());
        tracker.flush();

        assertThat(callback.outcomes.get(refused)).containsExactly("rejected:missing_scope");
        assertThat(callback.outcomes.get(failed)).containsExactly("failed");
        assertThat(callback.failures.get(failed)).isInstanceOf(ServerException.class);
    }

    @Test
    void retries_areCounted() {
        tracker = new EventTracker((events, listener) -> {
            listener.retrying(1);
            listener.retrying(2);
            return acceptAll().apply(events);
        }, MAPPER, options().flushInterval(NEVER).build(), CLOCK);
        tracker.track(event());

        tracker.flush();

        assertThat(tracker.metrics().retries()).isEqualTo(2);
    }

    @Test
    void aPartialBatch_isSentAfterTheInterval() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(1);
        tracker = new EventTracker((events, listener) -> acceptAll().apply(events), MAPPER,
                options().flushInterval(Duration.ofMillis(20)).callback(new EventCallback() {
                    @Override
                    public void onDelivered(UsageEventInput event) {
                        delivered.countDown();
                    }
                }).build(), CLOCK);

        tracker.track(event());

        assertThat(delivered.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void close_withADeadServer_reportsEveryEventAsFailed_exactlyOnce() throws Exception {
        RapportClient client = RapportClient.builder().baseUrl("http://127.0.0.1:" + closedPort()).apiKey("rk_test")
                .sleeper(new RecordingSleeper()).build();
        tracker = client.tracker(options().flushInterval(NEVER).callback(callback).build());
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 1_234; i++) {
            ids.add(tracker.track(event()));
        }

        tracker.close();

        assertThat(callback.outcomes.keySet()).isEqualTo(ids);
        assertThat(callback.eachExactlyOnce()).isTrue();
        assertThat(callback.count("failed")).isEqualTo(1_234);
        assertThat(callback.failures.values()).allMatch(RapportConnectionException.class::isInstance);
        assertThat(tracker.metrics().failed()).isEqualTo(1_234);
        assertThat(tracker.metrics().retries()).isEqualTo(3 * 3);
    }

    @Test
    void close_whenDeliveryHangs_givesUpAfterItsTimeout_andReportsEverything() {
        CountDownLatch sending = new CountDownLatch(1);
        tracker = new EventTracker((events, listener) -> {
            sending.countDown();
            try {
                Thread.sleep(Long.MAX_VALUE); // a server that never answers; close() interrupts it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new RapportConnectionException("interrupted", null);
        }, MAPPER, options().batchSize(10).flushInterval(NEVER).closeTimeout(Duration.ofMillis(100)).build(), CLOCK);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(tracker.track(event()));
        }

        tracker.close();

        assertThat(callback.outcomes.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(callback.eachExactlyOnce()).isTrue();
        assertThat(callback.count("failed")).isEqualTo(25);
    }

    @Test
    void close_isIdempotent_andTrackAfterCloseIsRefused() {
        tracker = tracker(options().flushInterval(NEVER), acceptAll());
        tracker.track(event());

        tracker.close();
        tracker.close();

        assertThat(callback.count("delivered")).isEqualTo(1);
        assertThatThrownBy(() -> tracker.track(event())).isInstanceOf(IllegalStateException.class);
        assertThat(tracker.flush(Duration.ofMillis(1))).isTrue();
    }

    private EventTracker tracker(TrackerOptions.Builder options, Function<List<UsageEventInput>, EventBatchResult> server) {
        return new EventTracker((events, listener) -> server.apply(events), MAPPER,
                options.callback(callback).build(), CLOCK);
    }

    private TrackerOptions.Builder options() {
        return TrackerOptions.builder().callback(callback);
    }

    private Function<List<UsageEventInput>, EventBatchResult> acceptAll() {
        return events -> {
            sent.add(List.copyOf(events));
            return new EventBatchResult().accepted(events.size()).duplicates(0).rejected(List.of());
        };
    }

    private EventBatchResult recorded(List<UsageEventInput> batch) {
        sent.add(List.copyOf(batch));
        return new EventBatchResult();
    }

    private static UsageEventInput event() {
        return new UsageEventInput().type("app_opened").officerId(UUID.randomUUID()).partnerId(UUID.randomUUID());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
