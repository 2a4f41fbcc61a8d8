package io.rapport.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.rapport.sdk.model.NextStepCode;
import io.rapport.sdk.model.PartnerType;
import io.rapport.sdk.model.ScoreChange;
import io.rapport.sdk.model.ScoreChangeCause;
import io.rapport.sdk.model.ScoreChangeKind;
import io.rapport.sdk.model.ScoredPartner;
import io.rapport.sdk.model.ScoredPartnerPage;
import io.rapport.sdk.model.Stage;
import io.rapport.sdk.model.Tier;
import io.rapport.sdk.model.Trend;
import io.rapport.sdk.model.WebhookEvent;
import io.rapport.sdk.model.WebhookEventType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A newer server adds enum values and fields: this SDK must read them, not lose the whole answer. A stub
 * answers with values no enum of this SDK has, and fields no model has.
 */
class ForwardCompatibilityTest {
    private static final WireMockServer WIREMOCK = new WireMockServer(wireMockConfig().dynamicPort());
    private static final UUID OFFICER = UUID.fromString("0190b7a2-2222-7000-8000-000000000001");
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
    void rankedPartners_withNewTierTrendStageTypeAndNextStep_andNewFields_readsEveryItem() {
        WIREMOCK.stubFor(get(urlPathEqualTo("/v1/officers/" + OFFICER + "/partners")).willReturn(json("""
                {"items":[
                  {"relationshipId":"0190b7a2-3333-7000-8000-000000000001","officerId":"%1$s",
                   "partnerId":"0190b7a2-4444-7000-8000-000000000001","partnerName":"Dana Brooks",
                   "partnerType":"mortgage_broker","score":97,"tier":"scorching","trend":"surging","stage":"legend",
                   "nextStep":{"code":"send_flowers","reason":"New in model 3","urgency":"high"},
                   "sentiment":{"label":"warm"}},
                  {"relationshipId":"0190b7a2-3333-7000-8000-000000000002","officerId":"%1$s",
                   "partnerId":"0190b7a2-4444-7000-8000-000000000002","partnerName":"Sam Lee",
                   "partnerType":"realtor","score":61,"tier":"engaged","trend":"steady","stage":"trusted",
                   "nextStep":{"code":"give_space","reason":"You reached out recently: leave them room to answer."}}
                ],"nextCursor":null,"totalEstimate":2}
                """.formatted(OFFICER))));

        ScoredPartnerPage page = client.scores().rankedPartners(OFFICER, RankedPartnersQuery.builder().limit(10).build());

        assertThat(page.getItems()).hasSize(2);
        ScoredPartner future = page.getItems().get(0);
        assertThat(future.getTier()).isEqualTo(Tier.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(future.getTrend()).isEqualTo(Trend.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(future.getStage()).isEqualTo(Stage.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(future.getPartnerType()).isEqualTo(PartnerType.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(future.getNextStep().getCode()).isEqualTo(NextStepCode.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(future.getNextStep().getReason()).isEqualTo("New in model 3");
        assertThat(future.getScore()).isEqualTo(97);
        ScoredPartner known = page.getItems().get(1);
        assertThat(known.getTier()).isEqualTo(Tier.ENGAGED);
        assertThat(known.getNextStep().getCode()).isEqualTo(NextStepCode.GIVE_SPACE);
    }

    @Test
    void changeFeed_withNewKindAndCause_readsTheChanges() {
        WIREMOCK.stubFor(get(urlPathEqualTo("/v1/score-changes")).willReturn(json("""
                {"items":[{"id":"c1","relationshipId":"0190b7a2-3333-7000-8000-000000000001","officerId":"%s",
                  "partnerId":"0190b7a2-4444-7000-8000-000000000001","kind":"sentiment","from":"warm","to":"glowing",
                  "score":80,"cause":"manual_override","changedAt":"2026-03-02T09:00:00Z","actor":"admin"}],
                 "nextCursor":"c1","hasMore":false}
                """.formatted(OFFICER))));

        List<ScoreChange> changes = client.scores().changes(PageQuery.builder().build()).getItems();

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.getKind()).isEqualTo(ScoreChangeKind.UNKNOWN_DEFAULT_OPEN_API);
            assertThat(change.getCause()).isEqualTo(ScoreChangeCause.UNKNOWN_DEFAULT_OPEN_API);
            assertThat(change.getTo()).isEqualTo("glowing");
        });
    }

    @Test
    void webhook_withNewTypeCauseAndFields_isVerifiedAndRead() {
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        String body = """
                {"type":"relationship.anniversary","timestamp":"2026-03-02T08:59:00Z","schemaVersion":3,
                 "data":{"relationshipId":"0190b7a2-3333-7000-8000-000000000001","officerId":"%s",
                 "partnerId":"0190b7a2-4444-7000-8000-000000000001","cause":"calendar","years":5}}
                """.formatted(OFFICER);
        long timestamp = clock.instant().getEpochSecond();
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("msg_1"),
                "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(Webhooks.sign(secret, "msg_1", timestamp, body)));

        WebhookEvent event = Webhooks.constructEvent(secret, headers, body, clock);

        assertThat(event.getType()).isEqualTo(WebhookEventType.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(event.getData().getCause()).isEqualTo(ScoreChangeCause.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(event.getData().getOfficerId()).isEqualTo(OFFICER);
    }

    @Test
    void webhook_knownType_isTyped() {
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        String body = """
                {"type":"score.tier_changed","timestamp":"2026-03-02T08:59:00Z",
                 "data":{"relationshipId":"0190b7a2-3333-7000-8000-000000000001","officerId":"%s",
                 "partnerId":"0190b7a2-4444-7000-8000-000000000001","from":"warming","to":"hot","score":76,"cause":"event"}}
                """.formatted(OFFICER);
        long timestamp = clock.instant().getEpochSecond();
        Map<String, List<String>> headers = Map.of("Webhook-Id", List.of("msg_2"),
                "Webhook-Timestamp", List.of(Long.toString(timestamp)),
                "Webhook-Signature", List.of(Webhooks.sign(secret, "msg_2", timestamp, body)));

        WebhookEvent event = Webhooks.constructEvent(secret, headers, body, clock);

        assertThat(event.getType()).isEqualTo(WebhookEventType.SCORE_TIER_CHANGED);
        assertThat(event.getData().getTo()).isEqualTo("hot");
        assertThat(event.getData().getCause()).isEqualTo(ScoreChangeCause.EVENT);
    }

    @Test
    void constructEvent_refusesAForgedDelivery_beforeReadingIt_andABodyThatIsNoEvent() {
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        long timestamp = clock.instant().getEpochSecond();
        String body = "{\"type\":\"score.tier_changed\",\"timestamp\":\"2026-03-02T08:59:00Z\",\"data\":{}}";
        Map<String, List<String>> forged = Map.of("webhook-id", List.of("msg_3"),
                "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(Webhooks.sign(secret, "msg_3", timestamp, body.replace("tier", "stage"))));
        String notAnEvent = "[1,2,3]";
        Map<String, List<String>> signedJunk = Map.of("webhook-id", List.of("msg_4"),
                "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(Webhooks.sign(secret, "msg_4", timestamp, notAnEvent)));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Webhooks.constructEvent(secret, forged, body, clock))
                .isInstanceOf(WebhookVerificationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Webhooks.constructEvent(secret, signedJunk, notAnEvent, clock))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("not a webhook event");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
