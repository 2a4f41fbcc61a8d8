package io.rapport.server.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The outbox as its owners read it and as the dispatcher works through it. */
@RegisterConstructorMapper(WebhookDelivery.class)
@RegisterConstructorMapper(WebhookAttempt.class)
@RegisterConstructorMapper(ClaimedDelivery.class)
@RegisterConstructorMapper(SubscriptionHealth.class)
public interface DeliveryDao {
    String COLUMNS = """
            org_id, delivery_id, delivery_seq, subscription_id, event_type, payload::text AS payload, status, created_at,
            next_attempt_at, attempt_count""";
    String QUALIFIED_COLUMNS = """
            d.org_id, d.delivery_id, d.delivery_seq, d.subscription_id, d.event_type, d.payload::text AS payload, d.status,
            d.created_at, d.next_attempt_at, d.attempt_count""";

    /**
     * Takes an inactive subscription's pending deliveries out of the due index's range (a NULL due time), so
     * every dispatcher pass does not walk over them; {@link #unpark} makes them due when it is active again.
     */
    @SqlUpdate("""
            UPDATE webhook_delivery SET next_attempt_at = NULL
            WHERE org_id = :orgId AND subscription_id = :subscriptionId AND status = 'pending' AND next_attempt_at IS NOT NULL
            """)
    int park(UUID orgId, UUID subscriptionId);

    @SqlUpdate("""
            UPDATE webhook_delivery SET next_attempt_at = :now
            WHERE org_id = :orgId AND subscription_id = :subscriptionId AND status = 'pending' AND next_attempt_at IS NULL
            """)
    int unpark(UUID orgId, UUID subscriptionId, Instant now);

    @SqlQuery("SELECT " + COLUMNS + """

            FROM webhook_delivery
            WHERE org_id = :orgId AND subscription_id = :subscriptionId AND delivery_seq < :before
            ORDER BY delivery_seq DESC
            LIMIT :limit
            """)
    List<WebhookDelivery> list(UUID orgId, UUID subscriptionId, long before, int limit);

    @SqlQuery("""
            SELECT delivery_id, attempt_no, attempted_at, status_code, error, duration_ms
            FROM webhook_attempt
            WHERE org_id = :orgId AND delivery_id = ANY(:deliveryIds)
            ORDER BY delivery_id, attempt_no
            """)
    List<WebhookAttempt> attempts(UUID orgId, UUID[] deliveryIds);

    /** Due now (or parked, when its subscription is inactive), with a fresh retry budget; its history stays. */
    @SqlQuery("""
            UPDATE webhook_delivery d
            SET status = 'pending', budget_start = attempt_count,
                next_attempt_at = CASE WHEN s.active THEN CAST(:now AS timestamptz) END
            FROM webhook_subscription s
            WHERE s.org_id = d.org_id AND s.subscription_id = d.subscription_id
              AND d.org_id = :orgId AND d.subscription_id = :subscriptionId AND d.delivery_id = :deliveryId
            RETURNING\s""" + QUALIFIED_COLUMNS)
    Optional<WebhookDelivery> redeliver(UUID orgId, UUID subscriptionId, UUID deliveryId, Instant now);

    /**
     * Claims due deliveries of active subscriptions of active organizations, any organization, oldest due
     * first. A claim is a lease: {@code next_attempt_at} moves to {@code leaseUntil}, so other nodes (which
     * skip rows locked by a claim in progress) leave it alone while it is sent, and a node that dies
     * mid-send only delays it until the lease ends.
     */
    @SqlQuery("""
            WITH due AS (
                SELECT d.org_id, d.delivery_id
                FROM webhook_delivery d
                JOIN webhook_subscription s ON s.org_id = d.org_id AND s.subscription_id = d.subscription_id AND s.active
                JOIN organization o ON o.org_id = d.org_id AND o.status = 'active'
                WHERE d.status = 'pending' AND d.next_attempt_at <= :now
                ORDER BY d.next_attempt_at
                LIMIT :limit
                FOR UPDATE OF d SKIP LOCKED
            )
            UPDATE webhook_delivery d SET next_attempt_at = :leaseUntil
            FROM due, webhook_subscription s
            WHERE d.org_id = due.org_id AND d.delivery_id = due.delivery_id
              AND s.org_id = d.org_id AND s.subscription_id = d.subscription_id
            RETURNING d.org_id, d.delivery_id, d.subscription_id, d.payload::text AS body, d.attempt_count,
                      d.budget_start, s.url, s.secret,
                      CASE WHEN s.previous_secret_until > :now THEN s.previous_secret END AS previous_secret
            """)
    List<ClaimedDelivery> claim(Instant now, Instant leaseUntil, int limit);

    /**
     * Records the outcome of the attempt after {@code claimedCount}; 0 rows when the claim was lost (the
     * lease ran out and another node sent it again), and then nothing is recorded.
     */
    @SqlUpdate("""
            UPDATE webhook_delivery
            SET status = :status, next_attempt_at = :nextAttemptAt, attempt_count = attempt_count + 1
            WHERE org_id = :orgId AND delivery_id = :deliveryId AND attempt_count = :claimedCount AND status = 'pending'
            """)
    int settle(UUID orgId, UUID deliveryId, int claimedCount, String status, Instant nextAttemptAt);

    @SqlUpdate("""
            INSERT INTO webhook_attempt (org_id, delivery_id, attempt_no, attempted_at, status_code, error, duration_ms)
            VALUES (:orgId, :deliveryId, :attemptNo, :attemptedAt, :statusCode, :error, :durationMs)
            """)
    void insertAttempt(UUID orgId, UUID deliveryId, int attemptNo, Instant attemptedAt, Integer statusCode,
                       String error, long durationMs);

    /**
     * Taken first by every attempt's record, so recording and deleting a subscription (which then deletes
     * its deliveries) lock in the same order. Whether it is active; empty when it is gone.
     */
    @SqlQuery("""
            SELECT active FROM webhook_subscription WHERE org_id = :orgId AND subscription_id = :subscriptionId
            FOR NO KEY UPDATE
            """)
    Optional<Boolean> lockSubscription(UUID orgId, UUID subscriptionId);

    @SqlUpdate("""
            UPDATE webhook_subscription SET consecutive_failures = 0, failing_since = NULL
            WHERE org_id = :orgId AND subscription_id = :subscriptionId AND consecutive_failures > 0
            """)
    void recordSuccess(UUID orgId, UUID subscriptionId);

    /** Counts one more failure in the subscription's run and returns the run; the row stays locked. */
    @SqlQuery("""
            UPDATE webhook_subscription
            SET consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, :now)
            WHERE org_id = :orgId AND subscription_id = :subscriptionId
            RETURNING consecutive_failures, failing_since, active
            """)
    SubscriptionHealth recordFailure(UUID orgId, UUID subscriptionId, Instant now);

    @SqlUpdate("""
            UPDATE webhook_subscription SET active = false, disabled_reason = 'sustained_failure', updated_at = :now
            WHERE org_id = :orgId AND subscription_id = :subscriptionId
            """)
    void disable(UUID orgId, UUID subscriptionId, Instant now);
}
