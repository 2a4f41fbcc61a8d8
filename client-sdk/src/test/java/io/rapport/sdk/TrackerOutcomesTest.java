package io.rapport.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.UsageEventInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tracker's outcomes over real HTTP: only a 4xx that can never pass is a rejection. */
class TrackerOutcomesTest {
    private static final WireMockServer WIREMOCK = new WireMockServer(wireMockConfig().dynamicPort());
    private static final String EVENTS = "/v1/events";
    private final RecordingCallback callback = new RecordingCallback();
    private RapportClient client;

    @BeforeAll
    static void start() {
        WIREMOCK.start();
    }

    @AfterAll
    static void stop() {
        WIREMOCK.stop();
    }

    @BeforeEach
    void reset() {
        WIREMOCK.resetAll();
        client = RapportClient.builder().baseUrl(WIREMOCK.baseUrl()).apiKey("rk_test").maxAttempts(3)
                .sleeper(new RecordingSleeper()).build();
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 408, 500, 503})
    void aFailureThatMayPass_persistingThroughEveryRetry_endsInOnFailed_neverOnRejected(int status) {
        WIREMOCK.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(problem(status, status == 429 ? "rate_limited" : "http_" + status)
                .withHeader("Retry-After", "1")));
        List<UUID> ids = new ArrayList<>();

        try (EventTracker tracker = client.tracker(TrackerOptions.builder().callback(callback).build())) {
            ids.add(tracker.track(event()));
            ids.add(tracker.track(event()));
            tracker.flush();
        }

        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(EVENTS)))).hasSize(3);
        assertThat(ids).allSatisfy(id -> assertThat(callback.outcomes.get(id)).containsExactly("failed"));
        assertThat(callback.failures.get(ids.get(0))).isInstanceOfSatisfying(RapportApiException.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }

    @Test
    void aPermanent4xx_isARejection() {
        WIREMOCK.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(problem(403, "missing_scope")));
        UUID id;
        try (EventTracker tracker = client.tracker(TrackerOptions.builder().callback(callback).build())) {
            id = tracker.track(event());
            tracker.flush();
        }
        assertThat(callback.outcomes.get(id)).containsExactly("rejected:missing_scope");
    }

    @Test
    void anAnswerNotAccountingForEveryEvent_failsTheUnnamedOnes() {
        WIREMOCK.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"accepted\":1,\"duplicates\":0,\"rejected\":[]}")));
        List<UUID> ids = new ArrayList<>();
        try (EventTracker tracker = client.tracker(TrackerOptions.builder().callback(callback).build())) {
            ids.add(tracker.track(event()));
            ids.add(tracker.track(event()));
            tracker.flush();
        }
        assertThat(ids).allSatisfy(id -> assertThat(callback.outcomes.get(id)).containsExactly("failed"));
        assertThat(callback.failures.get(ids.get(0))).hasMessageContaining("accounts for 1 of the 2");
    }

    @Test
    void anAnswerNamingIds_failsAnEventItDoesNotName_andDeliversTheNamed() throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (EventTracker tracker = client.tracker(TrackerOptions.builder().callback(callback)
                .flushInterval(Duration.ofHours(1)).build())) {
            ids.add(tracker.track(event()));
            ids.add(tracker.track(event()));
            WIREMOCK.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"accepted\":1,\"duplicates\":0,\"rejected\":[],"
                            + "\"acceptedEventIds\":[\"" + ids.get(0) + "\"],\"duplicateEventIds\":[]}")));
            tracker.flush();
        }
        assertThat(callback.outcomes.get(ids.get(0))).containsExactly("delivered");
        assertThat(callback.outcomes.get(ids.get(1))).containsExactly("failed");
    }

    @Test
    void eventsSend_assignsIdsAndTimes_beforeTheFirstAttempt() throws Exception {
        WIREMOCK.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"accepted\":2,\"duplicates\":0,\"rejected\":[]}")));
        UsageEventInput bare = event();
        UUID given = UUID.randomUUID();

        EventBatchResult result = client.events().send(List.of(bare, event().eventId(given)));

        assertThat(result.getAccepted()).isEqualTo(2);
        assertThat(bare.getEventId()).isNotNull();
        assertThat(bare.getOccurredAt()).isNotNull();
        JsonNode sent = new ObjectMapper().readTree(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(EVENTS))).get(0).getBodyAsString());
        assertThat(sent.path("events").get(0).path("eventId").asText()).isEqualTo(bare.getEventId().toString());
        assertThat(sent.path("events").get(0).path("occurredAt").asText()).isNotEmpty();
        assertThat(sent.path("events").get(1).path("eventId").asText()).isEqualTo(given.toString());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"x\",\"status\":" + status + ",\"code\":\"" + code + "\"}");
    }

    private static UsageEventInput event() {
        return new UsageEventInput().type("app_opened").officerId(UUID.randomUUID()).partnerId(UUID.randomUUID());
    }
}
