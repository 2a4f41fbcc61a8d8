package io.rapport.server.webhook;

import io.dropwizard.core.setup.Environment;
import io.rapport.server.common.time.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import io.rapport.server.common.db.FailureEpisode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes succeeded and failed deliveries (with their attempts) once they are older than
 * {@code webhooks.retention}, so the outbox does not grow forever; pending ones are kept whatever their
 * age. Each node runs it every few minutes; the delete is idempotent, so nodes need no coordination.
 */
public class DeliveryPurge {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPurge.class);
    private final FailureEpisode failures = new FailureEpisode(LOG, "Purging webhook deliveries");
    private static final Duration EVERY = Duration.ofMinutes(10);
    static final int CHUNK = 1000;
    /** Purpose: one chunk of finished deliveries created before the cutoff; their attempts go by cascade. */
    private static final String DELETE_CHUNK = """
            /* DeliveryPurge.purge */
            DELETE FROM webhook_delivery d
            USING (SELECT org_id, delivery_id FROM webhook_delivery
                   WHERE status <> 'pending' AND created_at < :cutoff
                   LIMIT :chunk) old
            WHERE d.org_id = old.org_id AND d.delivery_id = old.delivery_id
            """;
    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration retention;

    public DeliveryPurge(Jdbi jdbi, Clock clock, Duration retention) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.retention = retention;
    }

    public void schedule(Environment environment) {
        ScheduledExecutorService executor = environment.lifecycle()
                .scheduledExecutorService("webhook-purge-%d").threads(1).build();
        executor.scheduleWithFixedDelay(this::purgeLogged, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** Deletes, in chunks (short transactions), every finished delivery older than the retention; returns how many. */
    public int purge() {
        Instant cutoff = Timestamps.now(clock).minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = jdbi.withHandle(handle -> handle.createUpdate(DELETE_CHUNK)
                    .bind("cutoff", cutoff).bind("chunk", CHUNK).execute());
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }

    /** A failed purge only delays cleanup. */
    private void purgeLogged() {
        failures.run(() -> {
            int deleted = purge();
            if (deleted > 0) {
                LOG.info("Purged {} finished webhook deliveries", deleted);
            }
        });
    }
}
