package io.rapport.server.webhook;

/** A new subscription and its signing secret, which is returned this once. */
public record IssuedSubscription(WebhookSubscription subscription, String secret) {
}
