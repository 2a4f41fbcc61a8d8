package io.rapport.server.audit;

import io.dropwizard.core.setup.Environment;
import io.rapport.server.common.db.FailureEpisode;
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
        // a failed purge only delays cleanup: one WARN per failing stretch, like every background task
        FailureEpisode failures = new FailureEpisode(LOG, "Purging the audit log");
        executor.scheduleWithFixedDelay(() -> failures.run(() -> {
            int deleted = audit.purge();
            if (deleted > 0) {
                LOG.info("Purged {} audit entries older than the retention", deleted);
            }
        }), EVERY_MINUTES, EVERY_MINUTES, TimeUnit.MINUTES);
    }
}
