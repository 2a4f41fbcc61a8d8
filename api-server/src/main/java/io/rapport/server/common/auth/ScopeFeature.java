package io.rapport.server.common.auth;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Puts an {@link AuthFilter} in front of every operation of the contract, with the scope the contract
 * names for it. Generated interface methods are named after their operationId, which ties the two.
 * Resources outside the contract (the contract itself, the pages) and operations of scope {@code public}
 * stay open.
 */
@Provider
public class ScopeFeature implements DynamicFeature {
    private static final String GENERATED_API_PACKAGE = "io.rapport.server.generated.api";
    /** The scope of an operation that needs no credential (its own body is the credential). */
    public static final String PUBLIC = "public";
    private final ContractScopes scopes;
    private final List<CredentialResolver> resolvers;
    /** Operations whose answer to a deactivated organization is 410 Gone (DESIGN §3), not 403. */
    private static final java.util.Set<String> GONE_WHEN_DEACTIVATED = java.util.Set.of("getAppFeed");

    public ScopeFeature(ContractScopes scopes, List<CredentialResolver> resolvers) {
        this.scopes = scopes;
        this.resolvers = List.copyOf(resolvers);
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        if (!implementsContract(resourceInfo.getResourceClass(), method)) {
            return;
        }
        List<String> scope = scopes.scopeOf(method.getName()).orElseThrow(() -> new IllegalStateException(
                "Operation " + method.getName() + " is implemented but has no scope in the contract"));
        if (scope.equals(List.of(PUBLIC))) {
            return;
        }
        context.register(new AuthFilter(scope, resolvers, GONE_WHEN_DEACTIVATED.contains(method.getName())));
    }

    private static boolean implementsContract(Class<?> resourceClass, Method method) {
        return Arrays.stream(resourceClass.getInterfaces())
                .filter(i -> i.getPackageName().equals(GENERATED_API_PACKAGE))
                .flatMap(i -> Arrays.stream(i.getMethods()))
                .anyMatch(m -> m.getName().equals(method.getName()));
    }
}
