package io.rapport.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.rapport.sdk.internal.invoker.JSON;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.EventRejection;
import io.rapport.sdk.model.Problem;
import io.rapport.sdk.model.UsageEventInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link EventTracker#trackAll}: a history far larger than the queue, fed without refusals, and how it stops. */
class BackfillTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new JSON().getMapper();
    private static final Duration NEVER = Duration.ofHours(1);
    private static final WireMockServer WIREMOCK = new WireMockServer(wireMockConfig().dynamicPort());

    private final RecordingCallback callback = new RecordingCallback();
    private final List<List<UsageEventInput>> sent = new CopyOnWriteArrayList<>();
    private EventTracker tracker;

    @BeforeAll
    static void start() {
        WIREMOCK.start();
    }

    @AfterAll
    static void stop() {
        WIREMOCK.stop();
    }

    @AfterEach
    void closeTracker() {
        if (tracker != null) {
            tracker.close();
        }
        WIREMOCK.resetAll();
    }

    @Test
    void trackAll_feedsAHistoryFarLargerThanTheQueue_refusingNothing_andNeverHoldingMoreThanTheQueue() {
        tracker = tracker(options().maxQueueSize(10), acceptAll());
        AtomicInteger mostQueuedSeen = new AtomicInteger();
        List<UsageEventInput> history = history(5_000);

        BackfillResult result = tracker.trackAll(history.stream().peek(e -> mostQueuedSeen.accumulateAndGet(
                tracker.metrics().queued(), Math::max)));

        assertThat(result.status()).isEqualTo(BackfillResult.Status.COMPLETED);
        assertThat(result.completed()).isTrue();
        assertThat(result.taken()).isEqualTo(5_000);
        assertThat(result.delivered()).isEqualTo(5_000);
        assertThat(result.resumeAt()).isEqualTo(5_000);
        assertThat(callback.count("delivered")).isEqualTo(5_000);
        assertThat(callback.eachExactlyOnce()).isTrue();
        assertThat(mostQueuedSeen.get()).isBetween(1, 10);
        assertThat(tracker.metrics().peakQueued()).isEqualTo(10);
        // A queue smaller than a batch is sent when full, not after the (here endless) flush interval.
        assertThat(sent).allMatch(batch -> batch.size() <= 10);
        assertThat(sent.stream().flatMap(List::stream).map(UsageEventInput::getEventId))
                .containsExactlyElementsOf(history.stream().map(UsageEventInput::getEventId).toList());
        assertThat(sent.get(0).get(0).getOccurredAt()).isEqualTo(history.get(0).getOccurredAt());
    }

    @Test
    void trackAll_goesOnPastEventsRefusedOneByOne_andCountsThemByCode() {
        tracker = tracker(options().batchSize(100), batch -> {
            sent.add(List.copyOf(batch));
            List<EventRejection> rejections = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).getProperties().get("n").equals(0)) {
                    rejections.add(new EventRejection().index(i).eventId(batch.get(i).getEventId())
                            .code("event_too_old").field("occurredAt").message("older than two years"));
                }
            }
            return new EventBatchResult().accepted(batch.size() - rejections.size()).duplicates(0).rejected(rejections);
        });

        BackfillResult result = tracker.trackAll(history(1_000));

        assertThat(result.status()).isEqualTo(BackfillResult.Status.COMPLETED);
        assertThat(result.completed()).isTrue();
        assertThat(result.rejected()).isEqualTo(100);
        assertThat(result.rejectedByCode()).isEqualTo(Map.of("event_too_old", 100L));
        assertThat(result.delivered()).isEqualTo(900);
        assertThat(callback.count("rejected:event_too_old")).isEqualTo(100);
        assertThat(result.cause()).isNull();
    }

    @Test
    void trackAll_whenTheServerFails_stopsTakingAtOnce_failsTheQueueUnsent_andSaysWhereToResume() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger read = new AtomicInteger();
        tracker = tracker(options().maxQueueSize(50).batchSize(10), batch -> {
            if (calls.incrementAndGet() > 3) {
                throw new ServerException(503, new Problem().status(503).code("http_503"), null);
            }
            return acceptAll().apply(batch);
        });

        BackfillResult result = tracker.trackAll(history(10_000).stream().peek(e -> read.incrementAndGet()));

        assertThat(result.status()).isEqualTo(BackfillResult.Status.FAILED);
        assertThat(result.completed()).isFalse();
        assertThat(result.cause()).isInstanceOf(ServerException.class);
        assertThat(calls.get()).isEqualTo(4);
        assertThat(result.delivered()).isEqualTo(30);
        assertThat(result.resumeAt()).isEqualTo(30);
        assertThat(result.failed()).isEqualTo(result.taken() - 30);
        assertThat(result.unsettled()).isZero();
        assertThat(read.get()).isLessThanOrEqualTo(30 + 10 + 50 + 1);
        assertThat(callback.outcomes).hasSize((int) result.taken());
        assertThat(callback.eachExactlyOnce()).isTrue();
        assertThat(callback.failures.values()).filteredOn(e -> e.getMessage().startsWith("Not sent"))
                .hasSize((int) result.taken() - 40)
                .allSatisfy(e -> assertThat(e.getCause()).isInstanceOf(ServerException.class));
    }

    @Test
    void trackAll_rerunFromResumeAt_withIdsOfItsOwn_storesNothingTwice() {
        List<UUID> stored = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        tracker = tracker(options().maxQueueSize(20).batchSize(10), batch -> {
            List<UUID> ids = batch.stream().map(UsageEventInput::getEventId).toList();
            List<UUID> known = ids.stream().filter(stored::contains).toList();
            List<UUID> fresh = ids.stream().filter(id -> !stored.contains(id)).toList();
            stored.addAll(fresh);
            if (calls.incrementAndGet() == 5) {
                throw new RapportConnectionException("connection reset after the batch was stored", null);
            }
            return new EventBatchResult().accepted(fresh.size()).duplicates(known.size()).rejected(List.of())
                    .acceptedEventIds(fresh).duplicateEventIds(known);
        });
        List<UsageEventInput> history = history(200);

        BackfillResult first = tracker.trackAll(history);
        BackfillResult rerun = tracker.trackAll(history.subList((int) first.resumeAt(), history.size()));

        assertThat(first.status()).isEqualTo(BackfillResult.Status.FAILED);
        assertThat(first.resumeAt()).isEqualTo(40);
        assertThat(first.delivered()).isEqualTo(40);
        assertThat(rerun.completed()).isTrue();
        assertThat(rerun.duplicates()).isEqualTo(10);
        assertThat(rerun.delivered()).isEqualTo(150);
        assertThat(stored).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void trackAll_againstADeadServer_retriesOneBatchOnly_thenStops() {
        WIREMOCK.stubFor(post(urlPathEqualTo("/v1/events")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"down\",\"status\":503,\"code\":\"http_503\"}")));
        RecordingSleeper sleeper = new RecordingSleeper();
        RapportClient client = RapportClient.builder().baseUrl(WIREMOCK.baseUrl()).apiKey("rk_test").maxAttempts(3)
                .sleeper(sleeper).build();
        tracker = client.tracker(options().maxQueueSize(100).batchSize(50).build());

        BackfillResult result = tracker.trackAll(history(5_000));

        assertThat(result.status()).isEqualTo(BackfillResult.Status.FAILED);
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo("/v1/events")))).hasSize(3);
        assertThat(sleeper.waits).hasSize(2);
        assertThat(result.taken()).isLessThanOrEqualTo(100 + 50 + 1);
        assertThat(result.failed()).isEqualTo(result.taken());
        assertThat(result.resumeAt()).isZero();
        assertThat(callback.count("failed")).isEqualTo(result.taken());
    }

    @Test
    void trackAll_whenTheServerRefusesAWholeBatch_stopsAfterOneRequest() {
        WIREMOCK.stubFor(post(urlPathEqualTo("/v1/events")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"x\",\"status\":403,\"code\":\"missing_scope\"}")));
        RapportClient client = RapportClient.builder().baseUrl(WIREMOCK.baseUrl()).apiKey("rk_test")
                .sleeper(new RecordingSleeper()).build();
        tracker = client.tracker(options().maxQueueSize(100).batchSize(50).build());

        BackfillResult result = tracker.trackAll(history(5_000));

        assertThat(result.status()).isEqualTo(BackfillResult.Status.REFUSED);
        assertThat(result.cause()).isInstanceOfSatisfying(RapportApiException.class,
                e -> assertThat(e.code()).isEqualTo("missing_scope"));
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo("/v1/events")))).hasSize(1);
        assertThat(result.rejected()).isEqualTo(50);
        assertThat(result.failed()).isEqualTo(result.taken() - 50);
        assertThat(callback.eachExactlyOnce()).isTrue();
    }

    @Test
    void trackAll_interruptedWhileWaitingForRoom_returnsAtOnce_keepsTheFlag_andEveryEventStillGetsAnOutcome()
            throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        tracker = tracker(options().maxQueueSize(5).batchSize(5), batch -> {
            sending.countDown();
            await(release);
            return acceptAll().apply(batch);
        });
        AtomicReference<BackfillResult> result = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread backfill = new Thread(() -> {
            result.set(tracker.trackAll(endless()));
            flagKept.set(Thread.currentThread().isInterrupted());
        });

        backfill.start();
        sending.await();
        while (tracker.metrics().queued() < 5) {
            Thread.onSpinWait(); // the first batch is in flight and the queue is full: the back-fill waits for room
        }
        backfill.interrupt();
        backfill.join();
        release.countDown();
        tracker.flush();

        assertThat(flagKept).isTrue();
        assertThat(result.get().status()).isEqualTo(BackfillResult.Status.INTERRUPTED);
        assertThat(result.get().taken()).isEqualTo(10);
        assertThat(result.get().unsettled()).isEqualTo(10);
        assertThat(result.get().resumeAt()).isZero();
        assertThat(callback.count("delivered")).isEqualTo(5);
        assertThat(callback.count("failed")).isEqualTo(5);
        assertThat(callback.eachExactlyOnce()).isTrue();
    }

    @Test
    void trackAll_onAClosedTracker_isRefused_andAStreamOfNullIsRefusedAtOnce() {
        tracker = tracker(options(), acceptAll());
        tracker.close();

        assertThatThrownBy(() -> tracker.trackAll(history(3))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tracker.trackAll((Stream<UsageEventInput>) null)).isInstanceOf(NullPointerException.class);
        assertThat(sent).isEmpty();
    }

    private EventTracker tracker(TrackerOptions.Builder options, Function<List<UsageEventInput>, EventBatchResult> server) {
        return new EventTracker((events, listener) -> server.apply(events), MAPPER, options.build(), CLOCK);
    }

    private TrackerOptions.Builder options() {
        return TrackerOptions.builder().flushInterval(NEVER).callback(callback);
    }

    private Function<List<UsageEventInput>, EventBatchResult> acceptAll() {
        return events -> {
            sent.add(List.copyOf(events));
            return new EventBatchResult().accepted(events.size()).duplicates(0).rejected(List.of());
        };
    }

    /** Past events with ids of their own, oldest first; every tenth has {@code n = 0}. */
    private static List<UsageEventInput> history(int count) {
        UUID officer = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.parse("2025-01-01T00:00:00Z");
        return IntStream.range(0, count).mapToObj(i -> new UsageEventInput()
                .eventId(UUID.nameUUIDFromBytes(("crm-" + i).getBytes())).type("app_opened")
                .occurredAt(start.plusMinutes(i)).officerId(officer).partnerId(partner)
                .properties(Map.of("n", i % 10))).toList();
    }

    private static Iterable<UsageEventInput> endless() {
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public UsageEventInput next() {
                return new UsageEventInput().type("app_opened").officerId(UUID.randomUUID()).partnerId(UUID.randomUUID());
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
