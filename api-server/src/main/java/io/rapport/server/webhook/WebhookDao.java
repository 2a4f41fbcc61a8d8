package io.rapport.server.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Subscriptions, as their owners manage them. */
@RegisterConstructorMapper(WebhookSubscription.class)
public interface WebhookDao {
    String COLUMNS = "org_id, subscription_id, url, event_types, description, active, disabled_reason, created_at, updated_at";

    @SqlUpdate("""
            INSERT INTO webhook_subscription (org_id, subscription_id, url, event_types, description, secret, active,
                                              created_at, updated_at)
            VALUES (:orgId, :subscriptionId, :url, :types, :description, :secret, :active, :createdAt, :updatedAt)
            """)
    void insert(@BindMethods WebhookSubscription subscription, @Bind("types") String[] types, String secret);

    @SqlQuery("SELECT " + COLUMNS + " FROM webhook_subscription WHERE org_id = :orgId AND subscription_id = :id")
    Optional<WebhookSubscription> find(UUID orgId, UUID id);

    @SqlQuery("SELECT " + COLUMNS + """
             FROM webhook_subscription
            WHERE org_id = :orgId AND (CAST(:after AS uuid) IS NULL OR subscription_id > :after)
            ORDER BY subscription_id
            LIMIT :limit
            """)
    List<WebhookSubscription> list(UUID orgId, UUID after, int limit);

    /** Turning a subscription on also forgets its failure run, so it is not disabled again at once. */
    @SqlQuery("""
            UPDATE webhook_subscription
            SET url = :url, event_types = :types, description = :description, active = :active, updated_at = :now,
                disabled_reason = CASE WHEN :active THEN NULL ELSE disabled_reason END,
                consecutive_failures = CASE WHEN :active AND NOT active THEN 0 ELSE consecutive_failures END,
                failing_since = CASE WHEN :active AND NOT active THEN NULL ELSE failing_since END
            WHERE org_id = :orgId AND subscription_id = :id
            RETURNING\s""" + COLUMNS)
    Optional<WebhookSubscription> update(UUID orgId, UUID id, String url, @Bind("types") String[] types,
                                         String description, boolean active, Instant now);

    /** The new secret; the one it replaces keeps signing beside it until {@code overlapUntil}. */
    @SqlUpdate("""
            UPDATE webhook_subscription
               SET previous_secret = secret, previous_secret_until = :overlapUntil, secret = :secret, updated_at = :now
             WHERE org_id = :orgId AND subscription_id = :id
            """)
    int rotate(UUID orgId, UUID id, String secret, Instant now, Instant overlapUntil);

    @SqlUpdate("DELETE FROM webhook_subscription WHERE org_id = :orgId AND subscription_id = :id")
    int delete(UUID orgId, UUID id);
}
