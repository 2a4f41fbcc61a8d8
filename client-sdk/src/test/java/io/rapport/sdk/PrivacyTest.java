package io.rapport.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Privacy#exportStream}: the body handed over unread, problems decoded and retried like any call. */
class PrivacyTest {
    private static final UUID PARTNER = UUID.fromString("0190b7a2-1111-7000-8000-000000000002");
    private static final String EXPORT = "/v1/partners/" + PARTNER + "/export";
    private static final WireMockServer WIREMOCK = new WireMockServer(wireMockConfig().dynamicPort());
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
        client = RapportClient.builder().baseUrl(WIREMOCK.baseUrl()).apiKey("rk_test").sleeper(new RecordingSleeper()).build();
    }

    @Test
    void exportStream_after503_retriesTheOpening_andHandsOverTheBodyWithTheKey() throws Exception {
        WIREMOCK.stubFor(get(urlPathEqualTo(EXPORT)).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        WIREMOCK.stubFor(get(urlPathEqualTo(EXPORT)).inScenario("s").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"events\":[]}")));

        try (InputStream body = client.privacy().exportStream(PARTNER)) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"events\":[]}");
        }
        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(EXPORT))))
                .hasSize(2).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer rk_test"));
    }

    @Test
    void exportStream_ofAnUnknownPartner_throwsNotFoundWithItsCode() {
        WIREMOCK.stubFor(get(urlPathEqualTo(EXPORT)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"code\":\"not_found\"}")));

        assertThatThrownBy(() -> client.privacy().exportStream(PARTNER))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }
}
