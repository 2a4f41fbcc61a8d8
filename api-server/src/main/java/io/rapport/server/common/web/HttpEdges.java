package io.rapport.server.common.web;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.MutableServletContextHandler;
import io.rapport.server.common.problem.ProblemErrorHandler;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Set;
import ch.qos.logback.access.jetty.RequestLogImpl;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * What guards the edge of the HTTP server, below and around Jersey: request ids from the first servlet
 * filter on, Jetty's own errors as problem+json, control characters refused in parameters and bodies,
 * and {@code Connection: close} on answers that leave a body unread.
 */
public final class HttpEdges {
    private HttpEdges() {
    }

    /** {@code unguardedBodies}: model types whose text is judged elsewhere (the event batch, per event). */
    public static void install(Environment environment, Set<Class<?>> unguardedBodies) {
        ProblemErrorHandler errors = new ProblemErrorHandler(environment.getObjectMapper());
        for (MutableServletContextHandler context : new MutableServletContextHandler[] {
                environment.getApplicationContext(), environment.getAdminContext()}) {
            context.setErrorHandler(errors);
        }
        environment.servlets().addFilter("request-id", new RequestIdServletFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        environment.admin().addFilter("request-id", new RequestIdServletFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(errors);
                    // logback-access reads its own and logback-core's versions from jar manifests, which a shaded
                    // jar does not keep, and prints two version warnings at every start: nothing is wrong.
                    if (server.getRequestLog() instanceof RequestLogImpl accessLog) {
                        accessLog.setQuiet(true);
                    }
                }
            }
        });
        var jersey = environment.jersey();
        jersey.register(new ParameterTextFilter());
        jersey.register(new TextGuard(environment.getObjectMapper(), unguardedBodies));
        jersey.register(new EarlyErrorConnectionClose());
    }
}
