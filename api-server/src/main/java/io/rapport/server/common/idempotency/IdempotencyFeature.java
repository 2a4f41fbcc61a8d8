package io.rapport.server.common.idempotency;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;

/**
 * Makes every operation whose contract declares the {@code Idempotency-Key} header idempotent, so a new
 * create is covered by adding the header to the contract and nothing else.
 *
 * <p>Operations that issue a secret are left out on purpose: replaying them would mean keeping the
 * secret in clear for 24 hours, when it is otherwise stored only as a hash. A repeat of one of those
 * creates a second secret, which is harmless.
 */
@Provider
public class IdempotencyFeature implements DynamicFeature {
    private static final String GENERATED_API_PACKAGE = "io.rapport.server.generated.api";
    private static final Set<String> ISSUES_SECRET = Set.of("createApiKey", "createOrganizationApiKey", "registerAppInstall",
            "createWebhookSubscription");
    private final IdempotencyStore store;

    public IdempotencyFeature(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null || ISSUES_SECRET.contains(method.getName())
                || !declaresIdempotencyKey(resourceInfo.getResourceClass(), method)) {
            return;
        }
        context.register(new IdempotencyFilter(store));
        context.register(new ResponseRecorder(store));
    }

    private static boolean declaresIdempotencyKey(Class<?> resourceClass, Method method) {
        return Arrays.stream(resourceClass.getInterfaces())
                .filter(i -> i.getPackageName().equals(GENERATED_API_PACKAGE))
                .flatMap(i -> Arrays.stream(i.getMethods()))
                .filter(m -> m.getName().equals(method.getName()))
                .flatMap(m -> Arrays.stream(m.getParameterAnnotations()))
                .flatMap(Arrays::stream)
                .anyMatch(IdempotencyFeature::isIdempotencyHeader);
    }

    private static boolean isIdempotencyHeader(Annotation annotation) {
        return annotation instanceof HeaderParam header && IdempotencyFilter.HEADER.equalsIgnoreCase(header.value());
    }
}
