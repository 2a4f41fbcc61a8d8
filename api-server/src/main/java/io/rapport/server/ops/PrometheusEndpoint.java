package io.rapport.server.ops;

import io.dropwizard.core.setup.Environment;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.dropwizard.DropwizardExports;
import io.prometheus.client.dropwizard.samplebuilder.CustomMappingSampleBuilder;
import io.prometheus.client.dropwizard.samplebuilder.MapperConfig;
import io.prometheus.client.servlet.jakarta.exporter.MetricsServlet;
import java.util.List;
import java.util.Map;

/**
 * Every Dropwizard metric (JVM, Jetty, pool, ours) in Prometheus text format at {@code /metrics/prometheus} on
 * the admin port, through the Prometheus client's own Dropwizard bridge. Our dotted names become labelled
 * families: {@code http.requests.listPartners} is {@code rapport_http_requests{operation="listPartners"}}.
 */
public final class PrometheusEndpoint {
    public static final String PATH = "/metrics/prometheus";

    private PrometheusEndpoint() {
    }

    public static void install(Environment environment) {
        CollectorRegistry registry = new CollectorRegistry();
        registry.register(new DropwizardExports(environment.metrics(), new CustomMappingSampleBuilder(mappings())));
        environment.admin().addServlet("prometheus", new MetricsServlet(registry)).addMapping(PATH);
    }

    private static List<MapperConfig> mappings() {
        return List.of(
                new MapperConfig(OpsMetrics.HTTP_REQUESTS + ".*", "rapport_http_requests", Map.of("operation", "${0}")),
                new MapperConfig(OpsMetrics.PROBLEMS + ".*", "rapport_problems", Map.of("code", "${0}")),
                new MapperConfig(OpsMetrics.EVENTS + ".*", "rapport_events", Map.of("outcome", "${0}")),
                new MapperConfig(OpsMetrics.EVENTS_REJECTED + ".*", "rapport_events_rejected", Map.of("code", "${0}")),
                new MapperConfig(OpsMetrics.WEBHOOK_DELIVERIES + ".*", "rapport_webhook_deliveries", Map.of("outcome", "${0}")));
    }
}
