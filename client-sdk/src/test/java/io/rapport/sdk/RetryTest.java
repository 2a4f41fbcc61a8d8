package io.rapport.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.PartnerInput;
import io.rapport.sdk.model.PartnerType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry policy end to end over real HTTP, against WireMock in this JVM; waits run in virtual time. */
class RetryTest {
    private static final String PARTNERS = "/v1/partners";
    private static final UUID PARTNER_ID = UUID.fromString("0190b7a2-1111-7000-8000-000000000001");
    private static final WireMockServer WIREMOCK = new WireMockServer(wireMockConfig().dynamicPort());

    private RecordingSleeper sleeper;
    private RapportClient client;

    @BeforeAll
    static void startWireMock() {
        WIREMOCK.start();
    }

    @AfterAll
    static void stopWireMock() {
        WIREMOCK.stop();
    }

    @BeforeEach
    void reset() {
        WIREMOCK.resetAll();
        sleeper = new RecordingSleeper();
        client = clientBuilder().build();
    }

    @Test
    void create_after503Twice_sendsThreeRequestsWithOneIdempotencyKey_andIncreasingRetryCount() {
        stubSequence(() -> post(urlPathEqualTo(PARTNERS)), status(503), status(503), created());

        Partner partner = client.partners().create(partnerInput());

        assertThat(partner.getId()).isEqualTo(PARTNER_ID);
        List<LoggedRequest> requests = WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)));
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).doesNotContainNull().containsOnly(
                requests.get(0).getHeader("Idempotency-Key"));
        assertThat(requests).extracting(r -> r.getHeader("X-Retry-Count")).containsExactly(null, "1", "2");
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void twoCreates_getDifferentIdempotencyKeys() {
        WIREMOCK.stubFor(post(urlPathEqualTo(PARTNERS)).willReturn(created()));

        client.partners().create(partnerInput());
        client.partners().create(partnerInput());

        List<LoggedRequest> requests = WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)));
        assertThat(requests.get(0).getHeader("Idempotency-Key")).isNotEqualTo(requests.get(1).getHeader("Idempotency-Key"));
    }

    @Test
    void rateLimited_waitsWhatRetryAfterAsks() {
        stubSequence(() -> post(urlPathEqualTo(PARTNERS)), status(429).withHeader("Retry-After", "2"), created());

        client.partners().create(partnerInput());

        assertThat(sleeper.waits).hasSize(1);
        assertThat(sleeper.total()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)))).hasSize(2);
    }

    @Test
    void retryAfter_longerThanTheCap_endsTheRetriesAtOnce() {
        WIREMOCK.stubFor(post(urlPathEqualTo(PARTNERS)).willReturn(problem(429, "rate_limited").withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> client.partners().create(partnerInput()))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.code()).isEqualTo("rate_limited");
                    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                });
        assertThat(sleeper.waits).isEmpty();
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)))).hasSize(1);
    }

    @Test
    void connectionReset_isRetried() {
        stubSequence(() -> post(urlPathEqualTo(PARTNERS)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), created());

        Partner partner = client.partners().create(partnerInput());

        assertThat(partner.getId()).isEqualTo(PARTNER_ID);
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)))).hasSize(2);
    }

    @Test
    void aResponseSlowerThanTheReadTimeout_isRetried() {
        client = clientBuilder().readTimeout(Duration.ofMillis(200)).build();
        stubSequence(() -> post(urlPathEqualTo(PARTNERS)), created().withFixedDelay(2_000), created());

        Partner partner = client.partners().create(partnerInput());

        assertThat(partner.getId()).isEqualTo(PARTNER_ID);
        List<LoggedRequest> requests = WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader("Idempotency-Key")).isEqualTo(requests.get(0).getHeader("Idempotency-Key"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void clientErrors_areNotRetried(int status) {
        WIREMOCK.stubFor(post(urlPathEqualTo(PARTNERS)).willReturn(problem(status, "some_problem")));

        assertThatThrownBy(() -> client.partners().create(partnerInput()))
                .isInstanceOfSatisfying(RapportApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.code()).isEqualTo("some_problem");
                });
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)))).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void shouldRetryFalse_stopsRetriesOfAnOtherwiseRetryableStatus() {
        WIREMOCK.stubFor(post(urlPathEqualTo(PARTNERS)).willReturn(problem(503, "maintenance")
                .withHeader("Rapport-Should-Retry", "false")));

        assertThatThrownBy(() -> client.partners().create(partnerInput())).isInstanceOf(ServerException.class);
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)))).hasSize(1);
    }

    @Test
    void shouldRetryTrue_retriesAConflictStillInProgress() {
        stubSequence(() -> post(urlPathEqualTo(PARTNERS)),
                problem(409, "idempotency_request_in_progress").withHeader("Rapport-Should-Retry", "true"), created());

        client.partners().create(partnerInput());

        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)))).hasSize(2);
    }

    @Test
    void exhaustedAttempts_throwTheLastFailure_afterExponentialWaits() {
        client = clientBuilder().jitter(() -> 1.0).build();
        WIREMOCK.stubFor(post(urlPathEqualTo(PARTNERS)).willReturn(problem(502, "bad_gateway")));

        assertThatThrownBy(() -> client.partners().create(partnerInput()))
                .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.status()).isEqualTo(502));
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)))).hasSize(4);
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void maxAttemptsOne_turnsRetriesOff() {
        client = clientBuilder().maxAttempts(1).build();
        WIREMOCK.stubFor(post(urlPathEqualTo(PARTNERS)).willReturn(status(503)));

        assertThatThrownBy(() -> client.partners().create(partnerInput())).isInstanceOf(ServerException.class);
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)))).hasSize(1);
    }

    @Test
    void reads_areRetriedToo() {
        stubSequence(() -> get(urlPathEqualTo(PARTNERS + "/" + PARTNER_ID)), status(504), partnerJson(200));

        assertThat(client.partners().get(PARTNER_ID).getId()).isEqualTo(PARTNER_ID);
        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(PARTNERS + "/" + PARTNER_ID))))
                .extracting(r -> r.getHeader("X-Retry-Count")).containsExactly(null, "1");
    }

    @Test
    void anOpenCircuit_failsCallsWithoutSendingThem() {
        client = clientBuilder().maxAttempts(1).circuitBreaker(CircuitBreakerConfig.custom()
                .slidingWindowSize(2).minimumNumberOfCalls(2).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofHours(1)).build()).build();
        WIREMOCK.stubFor(post(urlPathEqualTo(PARTNERS)).willReturn(status(503)));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.partners().create(partnerInput())).isInstanceOf(ServerException.class);
        }

        assertThatThrownBy(() -> client.partners().create(partnerInput())).isInstanceOf(CircuitOpenException.class);
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)))).hasSize(2);
    }

    @Test
    void clientErrors_doNotOpenTheCircuit() {
        client = clientBuilder().circuitBreaker(CircuitBreakerConfig.custom()
                .slidingWindowSize(2).minimumNumberOfCalls(2).failureRateThreshold(50).build()).build();
        WIREMOCK.stubFor(post(urlPathEqualTo(PARTNERS)).willReturn(problem(422, "validation_failed")));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.partners().create(partnerInput())).isInstanceOf(InvalidRequestException.class);
        }
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)))).hasSize(3);
    }

    private RapportClient.Builder clientBuilder() {
        return RapportClient.builder().baseUrl(WIREMOCK.baseUrl()).apiKey("rk_test").sleeper(sleeper);
    }

    /** Answers each request with the next response; the last one repeats. */
    private static void stubSequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? STARTED : "attempt-" + i;
            ScenarioMappingBuilder step = request.get().inScenario("sequence")
                    .whenScenarioStateIs(state).willReturn(responses[i]);
            if (i < responses.length - 1) {
                step.willSetStateTo("attempt-" + (i + 1));
            }
            WIREMOCK.stubFor(step);
        }
    }

    private static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status);
    }

    private static ResponseDefinitionBuilder problem(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"t\",\"status\":" + status + ",\"code\":\"" + code + "\"}");
    }

    private static ResponseDefinitionBuilder created() {
        return partnerJson(201);
    }

    private static ResponseDefinitionBuilder partnerJson(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + PARTNER_ID + "\",\"name\":\"Dana\",\"type\":\"realtor\",\"active\":true}");
    }

    private static PartnerInput partnerInput() {
        return new PartnerInput().name("Dana").type(PartnerType.REALTOR);
    }
}
