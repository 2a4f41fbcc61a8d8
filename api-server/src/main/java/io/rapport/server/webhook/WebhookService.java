package io.rapport.server.webhook;

import io.rapport.server.audit.AuditActions;
import io.rapport.server.audit.AuditLog;
import io.rapport.server.common.paging.Cursor;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Ids;
import io.rapport.server.common.time.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Creates, changes and removes an organization's webhook subscriptions. */
public class WebhookService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;
    private final TargetPolicy targets;
    private final Duration rotationOverlap;
    private final AuditLog audit;

    public WebhookService(Jdbi jdbi, Clock clock, TargetPolicy targets, Duration rotationOverlap) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = new Ids(clock);
        this.targets = targets;
        this.rotationOverlap = rotationOverlap;
        this.audit = new AuditLog(clock);
    }

    public IssuedSubscription create(UUID orgId, SubscriptionDraft draft) {
        List<String> types = checked(draft);
        Instant now = Timestamps.now(clock);
        String secret = SigningSecrets.generate();
        WebhookSubscription subscription = new WebhookSubscription(orgId, ids.next(), draft.url(), types,
                draft.description(), draft.active(), null, now, now);
        jdbi.useTransaction(handle -> {
            handle.attach(WebhookDao.class).insert(subscription, types.toArray(String[]::new), secret);
            audit.record(handle, orgId, AuditActions.WEBHOOK_SUBSCRIPTION_CREATED, "webhook_subscription",
                    subscription.subscriptionId(), details(subscription));
        });
        return new IssuedSubscription(subscription, secret);
    }

    public WebhookSubscription get(UUID orgId, UUID subscriptionId) {
        return jdbi.withExtension(WebhookDao.class, dao -> dao.find(orgId, subscriptionId)).orElseThrow(() -> notFound(subscriptionId));
    }

    public Page<WebhookSubscription> list(UUID orgId, String cursor, int limit) {
        UUID after = Cursor.decode(cursor);
        return Page.of(jdbi.withExtension(WebhookDao.class, dao -> dao.list(orgId, after, limit + 1)), limit,
                WebhookSubscription::subscriptionId);
    }

    public WebhookSubscription update(UUID orgId, UUID subscriptionId, SubscriptionDraft draft) {
        List<String> types = checked(draft);
        Instant now = Timestamps.now(clock);
        return jdbi.inTransaction(handle -> {
            WebhookSubscription updated = handle.attach(WebhookDao.class).update(orgId, subscriptionId, draft.url(),
                    types.toArray(String[]::new), draft.description(), draft.active(), now).orElseThrow(() -> notFound(subscriptionId));
            DeliveryDao deliveries = handle.attach(DeliveryDao.class);
            if (updated.active()) {
                deliveries.unpark(orgId, subscriptionId, now);
            } else {
                deliveries.park(orgId, subscriptionId);
            }
            audit.record(handle, orgId, AuditActions.WEBHOOK_SUBSCRIPTION_UPDATED, "webhook_subscription",
                    subscriptionId, details(updated));
            return updated;
        });
    }

    public void delete(UUID orgId, UUID subscriptionId) {
        jdbi.useTransaction(handle -> {
            if (handle.attach(WebhookDao.class).delete(orgId, subscriptionId) == 0) {
                throw notFound(subscriptionId);
            }
            audit.record(handle, orgId, AuditActions.WEBHOOK_SUBSCRIPTION_DELETED, "webhook_subscription", subscriptionId);
        });
    }

    /**
     * A new secret, signing every attempt from now on; the previous one signs beside it for the
     * rotation overlap, so receivers that still hold it keep verifying while they switch.
     */
    public String rotateSecret(UUID orgId, UUID subscriptionId) {
        String secret = SigningSecrets.generate();
        Instant now = Timestamps.now(clock);
        jdbi.useTransaction(handle -> {
            if (handle.attach(WebhookDao.class).rotate(orgId, subscriptionId, secret, now, now.plus(rotationOverlap)) == 0) {
                throw notFound(subscriptionId);
            }
            audit.record(handle, orgId, AuditActions.WEBHOOK_SECRET_ROTATED, "webhook_subscription", subscriptionId,
                    Map.of("previousSecretSignsUntil", Timestamps.utc(now.plus(rotationOverlap)).toString()));
        });
        return secret;
    }

    /** What an audit entry says about a subscription: never its secret. */
    private static Map<String, Object> details(WebhookSubscription subscription) {
        return Map.of("url", subscription.url(), "eventTypes", subscription.eventTypes(), "active", subscription.active());
    }

    /** The draft's event types without repeats, once its URL and types are known to be acceptable. */
    private List<String> checked(SubscriptionDraft draft) {
        targets.checkSubscription(draft.url());
        List<Integer> unknown = WebhookEventTypes.unknown(draft.eventTypes());
        if (!unknown.isEmpty()) {
            throw WebhookProblem.unknownEventTypes(unknown);
        }
        return draft.eventTypes().stream().distinct().toList();
    }

    static ApiProblemException notFound(UUID subscriptionId) {
        return ApiProblemException.notFound("Webhook subscription " + subscriptionId);
    }
}
