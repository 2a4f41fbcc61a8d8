package io.rapport.server.webhook;

import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Timestamps;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** What was sent to a subscription and how each attempt went; redelivery on request. */
public class DeliveryService {
    private final Jdbi jdbi;
    private final Clock clock;

    /** A delivery with its attempts, oldest first. */
    public record DeliveryView(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    public DeliveryService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Page<DeliveryView> list(UUID orgId, UUID subscriptionId, String cursor, int limit) {
        long before = DeliveryCursor.decode(cursor);
        return jdbi.inTransaction(handle -> {
            if (handle.attach(WebhookDao.class).find(orgId, subscriptionId).isEmpty()) {
                throw WebhookService.notFound(subscriptionId);
            }
            DeliveryDao dao = handle.attach(DeliveryDao.class);
            List<WebhookDelivery> fetched = dao.list(orgId, subscriptionId, before, limit + 1);
            List<WebhookDelivery> items = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
            Map<UUID, List<WebhookAttempt>> attempts = dao.attempts(orgId,
                            items.stream().map(WebhookDelivery::deliveryId).toArray(UUID[]::new))
                    .stream().collect(Collectors.groupingBy(WebhookAttempt::deliveryId));
            List<DeliveryView> views = items.stream()
                    .map(d -> new DeliveryView(d, attempts.getOrDefault(d.deliveryId(), List.of()))).toList();
            String next = fetched.size() > limit ? DeliveryCursor.encode(items.get(limit - 1).deliverySeq()) : null;
            return new Page<>(views, next);
        });
    }

    public DeliveryView redeliver(UUID orgId, UUID subscriptionId, UUID deliveryId) {
        return jdbi.inTransaction(handle -> {
            DeliveryDao dao = handle.attach(DeliveryDao.class);
            WebhookDelivery delivery = dao.redeliver(orgId, subscriptionId, deliveryId, Timestamps.now(clock))
                    .orElseThrow(() -> ApiProblemException.notFound("Webhook delivery " + deliveryId));
            return new DeliveryView(delivery, dao.attempts(orgId, new UUID[] {deliveryId}));
        });
    }
}
