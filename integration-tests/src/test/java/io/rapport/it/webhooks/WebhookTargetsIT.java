package io.rapport.it.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.RawHttp;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.WebhookEventTypes;
import io.rapport.sdk.model.WebhookDelivery;
import io.rapport.sdk.model.WebhookDeliveryStatus;
import io.rapport.sdk.model.WebhookSubscriptionInput;
import io.rapport.server.RapportApplication;
import io.rapport.server.score.engine.ScoreChange;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With the production setting: targets must be https on public addresses. */
class WebhookTargetsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension()
            .with("webhooks.allowPrivateTargets", "false")
            .with("webhooks.pollInterval", "1h");

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hooks", "https://localhost:8443/hooks", "https://10.0.0.8/hooks",
            "https://192.168.1.20/hooks", "https://169.254.169.254/latest/meta-data", "https://[::1]/hooks",
            "https://[fd12::1]/hooks", "https://0.0.0.0/hooks"})
    void privateLoopbackAndLinkLocalTargets_areRefusedWithAProblem(String url) throws Exception {
        TestOrg org = SERVER.newOrg();
        HttpResponse<String> response = new RawHttp(SERVER.baseUrl(), org.apiKey()).post("/v1/webhook-subscriptions", null,
                "{\"url\":\"" + url + "\",\"eventTypes\":[\"score.tier_changed\"]}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("webhook_target_refused");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("url");
        assertThat(org.client().webhooks().list(10, null).getItems()).isEmpty();
    }

    @Test
    void plainHttp_isRefused_evenToAPublicAddress() {
        InvalidRequestException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRequestException.class,
                () -> SERVER.newOrg().client().webhooks().create(new WebhookSubscriptionInput()
                        .url("http://93.184.215.14/hooks").eventTypes(List.of(WebhookEventTypes.TIER_CHANGED))));
        assertThat(e.code()).isEqualTo("invalid_webhook_url");
        assertThat(e.fieldError("url")).get().asString().contains("https");
    }

    @Test
    void anUpdateToAPrivateTarget_isRefused_andLeavesTheSubscriptionAsItWas() {
        var client = SERVER.newOrg().client();
        var created = client.webhooks().create(new WebhookSubscriptionInput().url("https://93.184.215.14/hooks")
                .eventTypes(List.of(WebhookEventTypes.TIER_CHANGED)));
        InvalidRequestException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRequestException.class,
                () -> client.webhooks().update(created.getSubscription().getId(), new WebhookSubscriptionInput()
                        .url("https://127.0.0.1/hooks").eventTypes(List.of(WebhookEventTypes.TIER_CHANGED))));
        assertThat(e.code()).isEqualTo("webhook_target_refused");
        assertThat(client.webhooks().get(created.getSubscription().getId()).getUrl()).isEqualTo("https://93.184.215.14/hooks");
    }

    @Test
    void aTargetThatNowResolvesToAPrivateAddress_isRefusedAtDeliveryTime_andRecordedAsAFailedAttempt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            TestOrg org = SERVER.newOrg();
            UUID subscriptionId = org.client().webhooks().create(new WebhookSubscriptionInput()
                    .url("https://93.184.215.14/hooks").eventTypes(List.of(WebhookEventTypes.TIER_CHANGED)))
                    .getSubscription().getId();
            Jdbi jdbi = Jdbi.create(SERVER.database().url(), SERVER.database().user(), SERVER.database().password())
                    .installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
            // what a DNS change after the subscription was accepted looks like: the target is now on this machine
            jdbi.useHandle(h -> h.createUpdate("UPDATE webhook_subscription SET url = :url WHERE subscription_id = :id")
                    .bind("url", receiver.url()).bind("id", subscriptionId).execute());
            jdbi.useTransaction(h -> RapportApplication.scoreChangeLog().append(h, org.orgId(), List.of(new ScoreChange(0, UUID.randomUUID(),
                    UUID.randomUUID(), UUID.randomUUID(), "tier", "cold", "warming", 30, "event", null)), Instant.now()));

            assertThat(WebhookDeliveryIT.dispatch(SERVER)).isEqualTo(1);

            assertThat(receiver.received()).isEmpty();
            WebhookDelivery delivery = org.client().webhooks().deliveries(subscriptionId, 10, null).getItems().get(0);
            assertThat(delivery.getStatus()).isEqualTo(WebhookDeliveryStatus.PENDING);
            assertThat(delivery.getAttempts()).singleElement().satisfies(a -> {
                assertThat(a.getStatusCode()).isNull();
                assertThat(a.getError()).startsWith("target refused").contains("127.0.0.1");
            });
        }
    }
}
