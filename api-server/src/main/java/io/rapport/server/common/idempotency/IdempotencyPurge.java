package io.rapport.server.common.idempotency;

import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.rapport.server.common.db.FailureEpisode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes expired idempotency keys every few minutes on each node; the delete is idempotent, so nodes need no coordination. */
public final class IdempotencyPurge {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPurge.class);
    private static final FailureEpisode FAILURES = new FailureEpisode(LOG, "Purging expired idempotency keys");
    private static final Duration EVERY = Duration.ofMinutes(10);

    private IdempotencyPurge() {
    }

    public static void schedule(Environment environment, IdempotencyStore store) {
        ScheduledExecutorService executor = environment.lifecycle()
                .scheduledExecutorService("idempotency-purge-%d").threads(1).build();
        executor.scheduleWithFixedDelay(() -> purge(store), EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** A failed purge only delays cleanup; the next run tries again. */
    private static void purge(IdempotencyStore store) {
        FAILURES.run(() -> {
            int deleted = store.purgeExpired();
            if (deleted > 0) {
                LOG.info("Purged {} expired idempotency keys", deleted);
            }
        });
    }
}
