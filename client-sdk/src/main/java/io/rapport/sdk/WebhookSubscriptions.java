package io.rapport.sdk;

import io.rapport.sdk.internal.api.WebhooksApi;
import io.rapport.sdk.model.WebhookDelivery;
import io.rapport.sdk.model.WebhookDeliveryPage;
import io.rapport.sdk.model.WebhookSubscription;
import io.rapport.sdk.model.WebhookSubscriptionCreated;
import io.rapport.sdk.model.WebhookSubscriptionInput;
import io.rapport.sdk.model.WebhookSubscriptionPage;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The organization's webhook subscriptions (the key needs the {@code webhooks:manage} scope). Rapport
 * POSTs a signed {@code WebhookEvent} to each active subscription whose event types match a change;
 * check each request with {@link Webhooks#verify}. The signing secret is returned once, by
 * {@link #create} and {@link #rotateSecret}: store it then.
 *
 * <pre>{@code
 * WebhookSubscriptionCreated created = rapport.webhooks().create(new WebhookSubscriptionInput()
 *         .url("https://crm.example/hooks/rapport")
 *         .eventTypes(List.of(WebhookEventTypes.TIER_CHANGED)));
 * vault.store(created.getSecret());
 * }</pre>
 *
 * <p>Thread-safe. Calls throw {@link InvalidRequestException} (422 {@code invalid_webhook_url},
 * {@code webhook_target_refused}, {@code unknown_event_type}), {@link NotFoundException} for an id that is
 * not this organization's, and the other {@link RapportApiException}s and
 * {@link RapportConnectionException} as every call does.
 */
public final class WebhookSubscriptions {
    private final WebhooksApi api;
    private final RequestExecutor executor;

    WebhookSubscriptions(WebhooksApi api, RequestExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    /**
     * Creates a subscription; the response holds its secret, shown only this once. Not replayed on a repeat
     * (that would keep the secret in clear): a retry that reached the server twice creates two subscriptions.
     *
     * @param input the fields to store
     * @return the subscription with its signing secret, shown this once
     */
    public WebhookSubscriptionCreated create(WebhookSubscriptionInput input) {
        return executor.create((key, headers) -> api.createWebhookSubscription(input, key, headers));
    }

    /**
     * Reads one webhook subscription; another organization's id answers {@link NotFoundException}.
     *
     * @param subscriptionId the subscription
     * @return the subscription
     */
    public WebhookSubscription get(UUID subscriptionId) {
        return executor.execute(headers -> api.getWebhookSubscription(subscriptionId, headers));
    }

    /**
     * Replaces url, event types, description and {@code active}; {@code active: true} re-enables a disabled one.
     *
     * @param subscriptionId the subscription
     * @param input the fields to store
     * @return the subscription
     */
    public WebhookSubscription update(UUID subscriptionId, WebhookSubscriptionInput input) {
        return executor.execute(headers -> api.updateWebhookSubscription(subscriptionId, input, headers));
    }

    /**
     * Deletes a subscription and its delivery history; nothing more is sent to it.
     *
     * @param subscriptionId the subscription
     */
    public void delete(UUID subscriptionId) {
        executor.execute(headers -> {
            api.deleteWebhookSubscription(subscriptionId, headers);
            return null;
        });
    }

    /**
     * A new signing secret, used for every attempt from now on. For the server's
     * {@code webhooks.secretRotationOverlap} (24 hours by default) the previous secret keeps signing beside
     * it ({@code webhook-signature} then holds both signatures), so receivers can switch within that time.
     *
     * @param subscriptionId the subscription
     * @return the new {@code whsec_} secret, shown this once
     */
    public String rotateSecret(UUID subscriptionId) {
        return executor.execute(headers -> api.rotateWebhookSecret(subscriptionId, headers)).getSecret();
    }

    /**
     * One page of subscriptions (never their secrets).
     *
     * @param query paging
     * @return the page; pass its {@code nextCursor} as the next query's cursor
     */
    public WebhookSubscriptionPage list(PageQuery query) {
        return executor.execute(headers -> api.listWebhookSubscriptions(query.limit(), query.cursor(), headers));
    }

    /**
     * Every subscription from the query's cursor on, fetching pages lazily as the stream is consumed.
     *
     * @param query paging; its limit is the page size (default 500)
     * @return the subscriptions
     */
    public Stream<WebhookSubscription> all(PageQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            WebhookSubscriptionPage page = executor.execute(headers ->
                    api.listWebhookSubscriptions(query.pageSize(), cursor, headers));
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /** @return every subscription, fetching pages lazily as the stream is consumed */
    public Stream<WebhookSubscription> all() {
        return all(PageQuery.builder().build());
    }

    /**
     * One page of a subscription's deliveries, newest first, each with every attempt (status code or error,
     * duration).
     *
     * @param subscriptionId the subscription
     * @param query          paging
     * @return the page
     */
    public WebhookDeliveryPage deliveries(UUID subscriptionId, PageQuery query) {
        return executor.execute(headers ->
                api.listWebhookDeliveries(subscriptionId, query.limit(), query.cursor(), headers));
    }

    /**
     * Every delivery of a subscription from the query's cursor on, newest first, fetched lazily.
     *
     * @param subscriptionId the subscription
     * @param query          paging; its limit is the page size (default 500)
     * @return the deliveries
     */
    public Stream<WebhookDelivery> allDeliveries(UUID subscriptionId, PageQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            WebhookDeliveryPage page = executor.execute(headers ->
                    api.listWebhookDeliveries(subscriptionId, query.pageSize(), cursor, headers));
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /**
     * @param limit  page size
     * @param cursor where to continue
     * @return the page
     * @deprecated use {@link #list(PageQuery)}
     */
    @Deprecated(since = "0.2")
    public WebhookSubscriptionPage list(Integer limit, String cursor) {
        return executor.execute(headers -> api.listWebhookSubscriptions(limit, cursor, headers));
    }

    /**
     * @param subscriptionId the subscription
     * @param limit          page size
     * @param cursor         where to continue
     * @return the page
     * @deprecated use {@link #deliveries(UUID, PageQuery)}
     */
    @Deprecated(since = "0.2")
    public WebhookDeliveryPage deliveries(UUID subscriptionId, Integer limit, String cursor) {
        return executor.execute(headers -> api.listWebhookDeliveries(subscriptionId, limit, cursor, headers));
    }

    /**
     * Sends a delivery again as soon as the dispatcher next runs, with the same {@code webhook-id}.
     *
     * @param subscriptionId the subscription
     * @param deliveryId the delivery
     * @return the delivery
     */
    public WebhookDelivery redeliver(UUID subscriptionId, UUID deliveryId) {
        return executor.execute(headers -> api.redeliverWebhook(subscriptionId, deliveryId, headers));
    }
}
