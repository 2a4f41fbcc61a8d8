package io.rapport.server.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.model.WebhookAttempt;
import io.rapport.server.generated.model.WebhookDeliveryStatus;
import io.rapport.server.generated.model.WebhookEvent;
import java.io.UncheckedIOException;

/** A delivery with its attempts as the contract shows it; the stored body becomes the typed {@code payload}. */
final class DeliveryMapping {
    private final ObjectMapper json;

    DeliveryMapping(ObjectMapper json) {
        this.json = json;
    }

    io.rapport.server.generated.model.WebhookDelivery toDto(DeliveryService.DeliveryView view) {
        WebhookDelivery d = view.delivery();
        return new io.rapport.server.generated.model.WebhookDelivery()
                .id(d.deliveryId())
                .subscriptionId(d.subscriptionId())
                .eventType(d.eventType())
                .status(WebhookDeliveryStatus.fromValue(d.status()))
                .createdAt(Timestamps.utc(d.createdAt()))
                .nextAttemptAt("pending".equals(d.status()) ? Timestamps.utc(d.nextAttemptAt()) : null)
                .payload(payload(d.payload()))
                .attempts(view.attempts().stream().map(a -> new WebhookAttempt()
                        .attemptedAt(Timestamps.utc(a.attemptedAt()))
                        .statusCode(a.statusCode())
                        .error(a.error())
                        .durationMs(a.durationMs())).toList());
    }

    private WebhookEvent payload(String body) {
        try {
            return json.readValue(body, WebhookEvent.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A stored webhook payload does not match WebhookEvent", e);
        }
    }
}
