package io.rapport.server.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.WebhooksApi;
import io.rapport.server.generated.model.WebhookDeliveryPage;
import io.rapport.server.generated.model.WebhookSecret;
import io.rapport.server.generated.model.WebhookSubscriptionCreated;
import io.rapport.server.generated.model.WebhookSubscriptionInput;
import io.rapport.server.generated.model.WebhookSubscriptionPage;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

public class WebhookResource implements WebhooksApi {
    private final WebhookService subscriptions;
    private final DeliveryService deliveries;
    private final DeliveryMapping mapping;

    public WebhookResource(WebhookService subscriptions, DeliveryService deliveries, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.mapping = new DeliveryMapping(json);
    }

    @Override
    public Response createWebhookSubscription(WebhookSubscriptionInput input, String idempotencyKey) {
        IssuedSubscription issued = subscriptions.create(Callers.orgId(), draft(input));
        return Response.created(URI.create("/v1/webhook-subscriptions/" + issued.subscription().subscriptionId()))
                .entity(new WebhookSubscriptionCreated().subscription(toDto(issued.subscription())).secret(issued.secret()))
                .build();
    }

    @Override
    public Response listWebhookSubscriptions(Integer limit, String cursor) {
        Page<WebhookSubscription> page = subscriptions.list(Callers.orgId(), cursor, limit);
        return Response.ok(new WebhookSubscriptionPage().items(page.map(WebhookResource::toDto).items())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getWebhookSubscription(UUID subscriptionId) {
        return Response.ok(toDto(subscriptions.get(Callers.orgId(), subscriptionId))).build();
    }

    @Override
    public Response updateWebhookSubscription(UUID subscriptionId, WebhookSubscriptionInput input) {
        return Response.ok(toDto(subscriptions.update(Callers.orgId(), subscriptionId, draft(input)))).build();
    }

    @Override
    public Response deleteWebhookSubscription(UUID subscriptionId) {
        subscriptions.delete(Callers.orgId(), subscriptionId);
        return Response.noContent().build();
    }

    @Override
    public Response rotateWebhookSecret(UUID subscriptionId) {
        return Response.ok(new WebhookSecret().secret(subscriptions.rotateSecret(Callers.orgId(), subscriptionId))).build();
    }

    @Override
    public Response listWebhookDeliveries(UUID subscriptionId, Integer limit, String cursor) {
        Page<DeliveryService.DeliveryView> page = deliveries.list(Callers.orgId(), subscriptionId, cursor, limit);
        return Response.ok(new WebhookDeliveryPage().items(page.map(mapping::toDto).items()).nextCursor(page.nextCursor()))
                .build();
    }

    @Override
    public Response redeliverWebhook(UUID subscriptionId, UUID deliveryId) {
        return Response.accepted(mapping.toDto(deliveries.redeliver(Callers.orgId(), subscriptionId, deliveryId))).build();
    }

    private static SubscriptionDraft draft(WebhookSubscriptionInput input) {
        return new SubscriptionDraft(input.getUrl(), input.getEventTypes(), input.getDescription(),
                input.getActive() == null || input.getActive());
    }

    private static io.rapport.server.generated.model.WebhookSubscription toDto(WebhookSubscription s) {
        return new io.rapport.server.generated.model.WebhookSubscription()
                .id(s.subscriptionId())
                .url(s.url())
                .eventTypes(s.eventTypes())
                .description(s.description())
                .active(s.active())
                .disabledReason(s.disabledReason())
                .createdAt(Timestamps.utc(s.createdAt()))
                .updatedAt(Timestamps.utc(s.updatedAt()));
    }
}
