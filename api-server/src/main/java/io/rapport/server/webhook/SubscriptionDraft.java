package io.rapport.server.webhook;

import java.util.List;

/** What a client may set on a subscription (create and update alike). */
public record SubscriptionDraft(String url, List<String> eventTypes, String description, boolean active) {
}
