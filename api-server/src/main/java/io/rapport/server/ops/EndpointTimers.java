package io.rapport.server.ops;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * A timer per contract operation (rate and latency), named by the resource method, which is the contract's
 * operationId: {@code rapport.http.requests.ingestEvents}. The generated interfaces carry no {@code @Timed},
 * so this registers one small filter per method instead; failures are timed too.
 */
public class EndpointTimers implements DynamicFeature {
    private static final String STARTED = EndpointTimers.class.getName() + ".started";
    private final MetricRegistry registry;

    public EndpointTimers(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod() != null) {
            context.register(new TimingFilter(registry.timer(OpsMetrics.HTTP_REQUESTS + "." + resource.getResourceMethod().getName())));
        }
    }

    private record TimingFilter(Timer timer) implements ContainerRequestFilter, ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            request.setProperty(STARTED, timer.time());
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (request.getProperty(STARTED) instanceof Timer.Context running) {
                running.stop();
            }
        }
    }
}
