package io.rapport.server.webhook;

import io.dropwizard.lifecycle.Managed;
import io.rapport.server.common.time.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import io.rapport.server.common.db.FailureEpisode;
import io.rapport.server.ops.OpsMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the outbox: claims due deliveries (any node may run it: claims skip rows another node is
 * claiming, and a claim is a lease on the row), sends them concurrently, and records each attempt with
 * its outcome in its own transaction: success, a retry after the {@link RetrySchedule}'s delay, or failed
 * once the budget is spent. A subscription whose attempts keep failing ({@link FailureRule}) is disabled.
 */
public class WebhookDispatcher implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private final FailureEpisode failures = new FailureEpisode(LOG, "Webhook dispatch");
    private final FailureEpisode recordFailures = new FailureEpisode(LOG, "Recording webhook attempts");
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    private final Jdbi jdbi;
    private final Clock clock;
    private final WebhookConfig config;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final FailureRule failureRule;
    private final Duration lease;
    private final OpsMetrics metrics;
    private ScheduledExecutorService scheduler;

    public WebhookDispatcher(Jdbi jdbi, Clock clock, WebhookConfig config, TargetPolicy targets, OpsMetrics metrics) {
        this.jdbi = jdbi;
        this.metrics = metrics;
        this.clock = clock;
        this.config = config;
        this.sender = new WebhookSender(config, clock, targets);
        this.schedule = config.retrySchedule();
        this.failureRule = config.failureRule();
        this.lease = config.connectTimeout().plus(config.readTimeout()).plus(LEASE_MARGIN);
    }

    /** Sends every delivery due at the clock's current instant once; returns how many attempts it made. */
    public int dispatchDue() {
        int total = 0;
        int claimed;
        do {
            claimed = dispatchBatch();
            total += claimed;
        } while (claimed == config.batchSize());
        return total;
    }

    private int dispatchBatch() {
        Instant now = Timestamps.now(clock);
        List<ClaimedDelivery> claims = jdbi.withExtension(DeliveryDao.class,
                dao -> dao.claim(now, now.plus(lease), config.batchSize()));
        List<CompletableFuture<Void>> recorded = claims.stream()
                .map(claim -> sender.send(claim).thenAccept(outcome -> recordLogged(claim, now, outcome)))
                .toList();
        CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).join();
        return claims.size();
    }

    private void recordLogged(ClaimedDelivery claim, Instant attemptedAt, AttemptOutcome outcome) {
        try {
            jdbi.useTransaction(handle -> record(handle, claim, attemptedAt, outcome));
            recordFailures.succeeded();
        } catch (RuntimeException e) {
            // the lease runs out and the delivery is tried again: at least once, never lost
            recordFailures.failed(e);
        }
    }

    private void record(Handle handle, ClaimedDelivery claim, Instant attemptedAt, AttemptOutcome outcome) {
        DeliveryDao dao = handle.attach(DeliveryDao.class);
        Optional<Boolean> active = dao.lockSubscription(claim.orgId(), claim.subscriptionId());
        if (active.isEmpty()) {
            return; // deleted while the attempt was in flight, with its deliveries
        }
        Instant now = Timestamps.now(clock);
        int attemptNo = claim.attemptCount() + 1;
        String status = "succeeded";
        Instant next = null;
        if (!outcome.succeeded()) {
            Optional<Duration> delay = schedule.delayAfter(attemptNo - claim.budgetStart());
            status = delay.isPresent() ? "pending" : "failed";
            next = delay.map(now::plus).orElse(null);
        }
        if (dao.settle(claim.orgId(), claim.deliveryId(), claim.attemptCount(), status, active.get() ? next : null) == 0) {
            return; // the claim was lost to another node after its lease ran out; that node records its own
        }
        metrics.delivery(status.equals("pending") ? "retrying" : status);
        dao.insertAttempt(claim.orgId(), claim.deliveryId(), attemptNo, attemptedAt, outcome.statusCode(),
                outcome.error(), outcome.durationMs());
        if (outcome.succeeded()) {
            dao.recordSuccess(claim.orgId(), claim.subscriptionId());
            return;
        }
        SubscriptionHealth health = dao.recordFailure(claim.orgId(), claim.subscriptionId(), now);
        if (health.active() && failureRule.disables(health.consecutiveFailures(), health.failingSince(), now)) {
            dao.disable(claim.orgId(), claim.subscriptionId(), now);
            dao.park(claim.orgId(), claim.subscriptionId());
            LOG.warn("Webhook subscription {} disabled after {} failed attempts since {}", claim.subscriptionId(),
                    health.consecutiveFailures(), health.failingSince());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webhook-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = config.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::dispatchLogged, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The next pass retries: claimed rows come back when their lease ends. */
    private void dispatchLogged() {
        failures.run(this::dispatchDue);
    }

    @Override
    public void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
