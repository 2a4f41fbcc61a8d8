package io.rapport.server.common.web;

import io.rapport.server.common.problem.BadRequestException;
import io.rapport.server.common.problem.FieldProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Refuses a query parameter the operation does not declare in the contract with 400 {@code unknown_parameter}:
 * a misspelt filter or a cursor under the wrong name (`?cursor=` where only `after` was known) would otherwise
 * be ignored, and a poller would read page 1 again forever. Operations are matched by their generated
 * interface method (named after the operationId), as {@code ScopeFeature} does.
 */
@Provider
public class UnknownParameterFeature implements DynamicFeature {
    private static final String GENERATED_API_PACKAGE = "io.rapport.server.generated.api";
    private final ContractQueryParameters parameters;

    public UnknownParameterFeature(ContractQueryParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null || !implementsContract(resourceInfo.getResourceClass(), method)) {
            return;
        }
        parameters.of(method.getName()).ifPresent(known -> context.register(new Filter(known)));
    }

    private static boolean implementsContract(Class<?> resourceClass, Method method) {
        return Arrays.stream(resourceClass.getInterfaces())
                .filter(i -> i.getPackageName().equals(GENERATED_API_PACKAGE))
                .flatMap(i -> Arrays.stream(i.getMethods()))
                .anyMatch(m -> m.getName().equals(method.getName()));
    }

    /** After authentication, so an anonymous caller learns nothing of an operation's parameters. */
    @Priority(Priorities.USER)
    static final class Filter implements ContainerRequestFilter {
        private final Set<String> known;

        Filter(Set<String> known) {
            this.known = known;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            if (query == null || query.isEmpty()) {
                return; // the hot path: most calls have no query string
            }
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String raw = eq < 0 ? pair : pair.substring(0, eq);
                String name = raw.indexOf('%') < 0 && raw.indexOf('+') < 0 ? raw : URLDecoder.decode(raw, StandardCharsets.UTF_8);
                if (!known.contains(name)) {
                    throw new BadRequestException("unknown_parameter", "Unknown query parameter '" + name + "'"
                            + (known.isEmpty() ? ": this operation takes none" : "; this operation takes " + String.join(", ", known.stream().sorted().toList())),
                            List.of(new FieldProblem(name, "is not a parameter of this operation")));
                }
            }
        }
    }
}
