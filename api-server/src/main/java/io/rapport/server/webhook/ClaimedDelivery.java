package io.rapport.server.webhook;

import java.util.UUID;

/**
 * A delivery a dispatcher holds the lease of, with what it needs to send it: {@code previousSecret} is set
 * while a rotated-out secret still signs beside the current one.
 */
public record ClaimedDelivery(UUID orgId, UUID deliveryId, UUID subscriptionId, String body, int attemptCount,
                              int budgetStart, String url, String secret, String previousSecret) {
}
