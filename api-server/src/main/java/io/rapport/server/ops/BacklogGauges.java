package io.rapport.server.ops;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * What is waiting: due webhook deliveries, how late the score sweep is, how far rescore jobs have come. Each is
 * one indexed query, run at most every 15 s however often it is scraped; a failing query reads as -1.
 */
public final class BacklogGauges {
    private static final long CACHE_SECONDS = 15;

    private BacklogGauges() {
    }

    public static void register(MetricRegistry registry, Jdbi jdbi, Clock clock) {
        gauge(registry, "rapport.webhook.backlog", () -> jdbi.withHandle(h -> h.createQuery("""
                /* ops: webhook backlog */ SELECT count(*) FROM webhook_delivery
                WHERE status = 'pending' AND next_attempt_at <= CAST(:now AS timestamptz)""")
                .bind("now", clock.instant()).mapTo(Long.class).one()).doubleValue());
        gauge(registry, "rapport.score.sweep_lag_seconds", () -> jdbi.withHandle(h -> h.createQuery("""
                /* ops: sweep lag */ SELECT coalesce(extract(epoch FROM CAST(:now AS timestamptz) - min(due_at)), 0)
                FROM relationship_score WHERE due_at IS NOT NULL AND due_at <= CAST(:now AS timestamptz)""")
                .bind("now", clock.instant()).mapTo(Double.class).one()));
        gauge(registry, "rapport.rescore.jobs_unfinished", () -> jdbi.withHandle(h -> h.createQuery("""
                /* ops: rescore jobs */ SELECT count(*) FROM rescore_job WHERE status IN ('queued', 'running')""")
                .mapTo(Long.class).one()).doubleValue());
        gauge(registry, "rapport.rescore.progress_ratio", () -> jdbi.withHandle(h -> h.createQuery("""
                /* ops: rescore progress */ SELECT coalesce(sum(done)::float8 / nullif(sum(total), 0), 1)
                FROM rescore_job WHERE status IN ('queued', 'running')""").mapTo(Double.class).one()));
    }

    private static void gauge(MetricRegistry registry, String name, Supplier<Double> query) {
        registry.register(name, new CachedGauge<Double>(CACHE_SECONDS, TimeUnit.SECONDS) {
            @Override
            protected Double loadValue() {
                try {
                    return query.get();
                } catch (RuntimeException e) {
                    return -1.0;
                }
            }
        });
    }
}
