package io.rapport.server.audit;

import io.dropwizard.core.setup.Environment;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link AuditService#purge()} every 10 minutes on each node; the delete is idempotent, so nodes need no coordination. */
public final class AuditPurge {
    private static final Logger LOG = LoggerFactory.getLogger(AuditPurge.class);
    private static final long EVERY_MINUTES = 10;

    private AuditPurge() {
    }

    public static void schedule(Environment environment, AuditService audit) {
        ScheduledExecutorService executor = environment.lifecycle()
                .scheduledExecutorService("audit-purge-%d").threads(1).build();
        executor.scheduleWithFixedDelay(() -> {
            try {
                int deleted = audit.purge();
                if (deleted > 0) {
                    LOG.info("Purged {} audit entries older than the retention", deleted);
                }
            } catch (RuntimeException e) {
                // a failed purge only delays cleanup; never let it end the schedule
                LOG.warn("Purging the audit log failed", e);
            }
        }, EVERY_MINUTES, EVERY_MINUTES, TimeUnit.MINUTES);
    }
}
