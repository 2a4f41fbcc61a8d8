package io.rapport.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.PartnerInput;
import io.rapport.sdk.model.PartnerType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-call options (idempotency key, timeout, headers) and response metadata, over real HTTP. */
class RequestOptionsTest {
    private static final WireMockServer WIREMOCK = new WireMockServer(wireMockConfig().dynamicPort());
    private static final String PARTNERS = "/v1/partners";
    private static final String PARTNER_JSON = """
            {"id":"0190b7a2-1111-7000-8000-000000000001","name":"Dana","type":"realtor","active":true,
             "createdAt":"2026-03-02T09:00:00Z","updatedAt":"2026-03-02T09:00:00Z"}""";
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
        client = RapportClient.builder().baseUrl(WIREMOCK.baseUrl()).apiKey("rk_test").maxAttempts(1).build();
    }

    @Test
    void withOptions_sendsTheCallersIdempotencyKeyAndHeaders_andPlainCallsDoNot() {
        WIREMOCK.stubFor(post(urlPathEqualTo(PARTNERS)).willReturn(created()));
        RapportClient tuned = client.withOptions(RequestOptions.builder().idempotencyKey("crm-partner-42-v1")
                .header("X-Crm-Trace", "trace-9").build());

        tuned.partners().create(input());
        client.partners().create(input());

        List<LoggedRequest> requests = WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(PARTNERS)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getHeader("Idempotency-Key")).isEqualTo("crm-partner-42-v1");
        assertThat(requests.get(0).getHeader("X-Crm-Trace")).isEqualTo("trace-9");
        assertThat(requests.get(1).getHeader("Idempotency-Key")).isNotEqualTo("crm-partner-42-v1").isNotBlank();
        assertThat(requests.get(1).containsHeader("X-Crm-Trace")).isFalse();
    }

    @Test
    void withOptions_timeout_endsASlowCall_whileTheClientsOwnTimeoutWouldWait() {
        WIREMOCK.stubFor(get(urlPathEqualTo(PARTNERS + "/0190b7a2-1111-7000-8000-000000000001"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(PARTNER_JSON).withFixedDelay(3_000)));
        RapportClient impatient = client.withOptions(RequestOptions.builder().timeout(Duration.ofMillis(100)).build());

        assertThatThrownBy(() -> impatient.partners().get(java.util.UUID.fromString("0190b7a2-1111-7000-8000-000000000001")))
                .isInstanceOf(RapportConnectionException.class);
    }

    @Test
    void withResponse_answersRequestIdRateLimitAndReplayed() {
        WIREMOCK.stubFor(post(urlPathEqualTo(PARTNERS)).willReturn(created()
                .withHeader("X-Request-Id", "req_123").withHeader("RateLimit-Limit", "100")
                .withHeader("RateLimit-Remaining", "99").withHeader("RateLimit-Reset", "1")
                .withHeader("Idempotent-Replayed", "true")));

        RapportResponse<Partner> answer = client.withResponse(() -> client.partners().create(input()));

        assertThat(answer.value().getName()).isEqualTo("Dana");
        assertThat(answer.metadata().statusCode()).isEqualTo(201);
        assertThat(answer.metadata().requestId()).contains("req_123");
        assertThat(answer.metadata().rateLimitLimit()).hasValue(100);
        assertThat(answer.metadata().rateLimitRemaining()).hasValue(99);
        assertThat(answer.metadata().rateLimitReset()).hasValue(1);
        assertThat(answer.metadata().replayed()).isTrue();
    }

    @Test
    void withResponse_withoutReplayHeader_isNotReplayed() {
        WIREMOCK.stubFor(post(urlPathEqualTo(PARTNERS)).willReturn(created()));

        assertThat(client.withResponse(() -> client.partners().create(input())).metadata().replayed()).isFalse();
    }

    @Test
    void requestOptions_refuseHeadersTheSdkManages() {
        assertThatThrownBy(() -> RequestOptions.builder().header("Authorization", "Bearer x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey(""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartnersQuery.builder().limit(501)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartnersQuery.builder().type(PartnerType.UNKNOWN_DEFAULT_OPEN_API))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partnersQuery_sendsItsFilters() {
        WIREMOCK.stubFor(get(urlPathEqualTo(PARTNERS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[" + PARTNER_JSON + "]}")));

        client.partners().list(PartnersQuery.builder().type(PartnerType.REALTOR).active(true).limit(7).cursor("abc").build());

        LoggedRequest request = WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(PARTNERS))).get(0);
        assertThat(request.queryParameter("type").firstValue()).isEqualTo("realtor");
        assertThat(request.queryParameter("active").firstValue()).isEqualTo("true");
        assertThat(request.queryParameter("limit").firstValue()).isEqualTo("7");
        assertThat(request.queryParameter("cursor").firstValue()).isEqualTo("abc");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(PARTNER_JSON);
    }

    private static PartnerInput input() {
        return new PartnerInput().name("Dana").type(PartnerType.REALTOR);
    }
}
