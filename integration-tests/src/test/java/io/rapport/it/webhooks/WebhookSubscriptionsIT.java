package io.rapport.it.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.RawHttp;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.PermissionException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.WebhookEventTypes;
import io.rapport.sdk.model.Scope;
import io.rapport.sdk.model.WebhookSubscription;
import io.rapport.sdk.model.WebhookSubscriptionCreated;
import io.rapport.sdk.model.WebhookSubscriptionInput;
import io.rapport.sdk.model.WebhookSubscriptionPage;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Managing subscriptions through the SDK: the secret shown once, the rules on input, tenancy and scope. */
class WebhookSubscriptionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URL = "http://127.0.0.1:9/hooks";

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension().with("webhooks.pollInterval", "1h");

    @Test
    void create_returnsTheSecretOnce_andGetListUpdateDeleteManageTheSubscription() {
        RapportClient client = SERVER.newOrg().client();
        WebhookSubscriptionCreated created = client.webhooks().create(input(WebhookEventTypes.TIER_CHANGED,
                WebhookEventTypes.STAGE_CHANGED, WebhookEventTypes.TIER_CHANGED).description("CRM sync"));
        assertThat(created.getSecret()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(created.getSecret().substring("whsec_".length()))).hasSize(32);
        WebhookSubscription subscription = created.getSubscription();
        assertThat(subscription.getEventTypes()).containsExactly("score.tier_changed", "relationship.stage_changed");
        assertThat(subscription.getActive()).isTrue();
        assertThat(subscription.getDisabledReason()).isNull();
        assertThat(client.webhooks().get(subscription.getId())).isEqualTo(subscription);

        WebhookSubscription paused = client.webhooks().update(subscription.getId(),
                input(WebhookEventTypes.STAGE_CHANGED).url("http://127.0.0.1:10/other").active(false));
        assertThat(paused.getUrl()).isEqualTo("http://127.0.0.1:10/other");
        assertThat(paused.getEventTypes()).containsExactly("relationship.stage_changed");
        assertThat(paused.getActive()).isFalse();
        assertThat(paused.getDescription()).isNull();
        assertThat(client.webhooks().get(subscription.getId())).isEqualTo(paused);

        String rotated = client.webhooks().rotateSecret(subscription.getId());
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(created.getSecret());

        client.webhooks().delete(subscription.getId());
        assertThatThrownBy(() -> client.webhooks().get(subscription.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.webhooks().delete(subscription.getId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void list_pagesWithACursor_andNeverShowsSecrets() {
        RapportClient client = SERVER.newOrg().client();
        List<UUID> ids = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> client.webhooks().create(input(WebhookEventTypes.TIER_CHANGED)).getSubscription().getId())
                .sorted(java.util.Comparator.comparing(UUID::toString)) // the database's (bytewise) order
                .toList();
        WebhookSubscriptionPage first = client.webhooks().list(2, null);
        assertThat(first.getItems()).extracting(WebhookSubscription::getId).containsExactlyElementsOf(ids.subList(0, 2));
        WebhookSubscriptionPage second = client.webhooks().list(2, first.getNextCursor());
        assertThat(second.getItems()).extracting(WebhookSubscription::getId).containsExactly(ids.get(2));
        assertThat(second.getNextCursor()).isNull();
        assertThat(client.webhooks().all()).extracting(WebhookSubscription::getId).containsExactlyElementsOf(ids);
    }

    @Test
    void badInput_answers422WithAStableCodeAndTheField() {
        RapportClient client = SERVER.newOrg().client();
        assertProblem(() -> client.webhooks().create(input("score.tier_changed", "partner.exploded")),
                "unknown_event_type", "eventTypes[1]");
        assertProblem(() -> client.webhooks().create(input(WebhookEventTypes.TIER_CHANGED).url("ftp://127.0.0.1/hooks")),
                "invalid_webhook_url", "url");
        assertProblem(() -> client.webhooks().create(input(WebhookEventTypes.TIER_CHANGED).url("http://")),
                "invalid_webhook_url", "url");
        assertProblem(() -> client.webhooks().create(input().url(URL)), "validation_failed", "eventTypes");
        UUID id = client.webhooks().create(input(WebhookEventTypes.TIER_CHANGED)).getSubscription().getId();
        assertProblem(() -> client.webhooks().update(id, input("tier_changed")), "unknown_event_type", "eventTypes[0]");
        assertThat(client.webhooks().get(id).getEventTypes()).containsExactly("score.tier_changed");
    }

    @Test
    void anotherOrganizationsIds_answer404_onEveryOperation() {
        RapportClient owner = SERVER.newOrg().client();
        RapportClient other = SERVER.newOrg().client();
        UUID id = owner.webhooks().create(input(WebhookEventTypes.TIER_CHANGED)).getSubscription().getId();
        UUID someDelivery = UUID.randomUUID();
        List<ThrowingCallable> calls = List.of(
                () -> other.webhooks().get(id),
                () -> other.webhooks().update(id, input(WebhookEventTypes.TIER_CHANGED)),
                () -> other.webhooks().rotateSecret(id),
                () -> other.webhooks().deliveries(id, 10, null),
                () -> other.webhooks().redeliver(id, someDelivery),
                () -> other.webhooks().delete(id));
        for (ThrowingCallable call : calls) {
            assertThat(catchThrowableOfType(NotFoundException.class, call).code()).isEqualTo("not_found");
        }
        assertThat(other.webhooks().list(50, null).getItems()).isEmpty();
        assertThat(owner.webhooks().get(id).getUrl()).isEqualTo(URL);
    }

    @Test
    void managingWebhooks_needsTheWebhooksManageScope() {
        TestOrg org = SERVER.newOrg();
        RapportClient reader = org.clientWith(Scope.SCORES_READ);
        assertThatThrownBy(() -> reader.webhooks().list(10, null)).isInstanceOf(PermissionException.class);
        RapportClient manager = org.clientWith(Scope.WEBHOOKS_MANAGE);
        assertThat(manager.webhooks().create(input(WebhookEventTypes.TIER_CHANGED)).getSecret()).startsWith("whsec_");
    }

    @Test
    void aRepeatedCreate_isNotReplayed_soTheSecretIsNeverStored() throws Exception {
        TestOrg org = SERVER.newOrg();
        RawHttp http = new RawHttp(SERVER.baseUrl(), org.apiKey());
        String body = "{\"url\":\"" + URL + "\",\"eventTypes\":[\"score.tier_changed\"]}";
        HttpResponse<String> first = http.post("/v1/webhook-subscriptions", "same-key", body);
        HttpResponse<String> second = http.post("/v1/webhook-subscriptions", "same-key", body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.headers().firstValue("Idempotent-Replayed")).isEmpty();
        JsonNode a = JSON.readTree(first.body());
        JsonNode b = JSON.readTree(second.body());
        assertThat(a.at("/subscription/id").asText()).isNotEqualTo(b.at("/subscription/id").asText());
        assertThat(a.get("secret").asText()).isNotEqualTo(b.get("secret").asText());
        assertThat(first.headers().firstValue("Location")).get().asString()
                .endsWith("/v1/webhook-subscriptions/" + a.at("/subscription/id").asText());
    }

    private static void assertProblem(ThrowingCallable call, String code, String field) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, call);
        assertThat(e).as("expected a problem " + code).isNotNull();
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.fieldErrors()).extracting(f -> f.getField()).contains(field);
    }

    private static WebhookSubscriptionInput input(String... types) {
        return new WebhookSubscriptionInput().url(URL).eventTypes(List.of(types));
    }
}
