package io.rapport.server.ops;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The business figures on-call looks at, as Dropwizard metrics (so the JSON {@code /metrics} and the Prometheus
 * page both show them). Names are part of the operations contract documented in the README.
 */
public final class OpsMetrics {
    static final String HTTP_REQUESTS = "rapport.http.requests";
    static final String PROBLEMS = "rapport.problems";
    static final String EVENTS = "rapport.events";
    static final String EVENTS_REJECTED = "rapport.events.rejected";
    static final String WEBHOOK_DELIVERIES = "rapport.webhook.deliveries";

    private final MetricRegistry registry;
    private final Counter accepted;
    private final Counter duplicates;
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Counter> problems = new ConcurrentHashMap<>();
    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();

    public OpsMetrics(MetricRegistry registry) {
        this.registry = registry;
        this.accepted = registry.counter(EVENTS + ".accepted");
        this.duplicates = registry.counter(EVENTS + ".duplicate");
    }

    /** One batch's outcome, event by event. */
    public void events(int acceptedCount, int duplicateCount, Iterable<String> rejectionCodes) {
        accepted.inc(acceptedCount);
        duplicates.inc(duplicateCount);
        for (String code : rejectionCodes) {
            rejected.computeIfAbsent(code, c -> registry.counter(EVENTS_REJECTED + "." + c)).inc();
        }
    }

    /** Every problem answered, by its stable code (rate_limited among them). */
    public void problem(String code) {
        problems.computeIfAbsent(code, c -> registry.counter(PROBLEMS + "." + c)).inc();
    }

    /** A webhook attempt's outcome: succeeded, retrying (failed, tried again later) or failed (given up). */
    public void delivery(String outcome) {
        deliveries.computeIfAbsent(outcome, o -> registry.counter(WEBHOOK_DELIVERIES + "." + o)).inc();
    }

    public MetricRegistry registry() {
        return registry;
    }
}
