package io.rapport.server.common.web;

import io.dropwizard.jersey.validation.JerseyParameterNameProvider;
import jakarta.validation.ParameterNameProvider;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Dropwizard's parameter names for validation ({@code "query param limit"}, from which the problem's
 * field is taken), worked out once per method. Hibernate Validator asks for them each time it checks a constrained
 * parameter, valid or not, and Dropwizard's provider reads the method's annotations anew on every call:
 * two thirds of the bean validation of {@code GET /v1/officers/{id}/partners} (three constrained query
 * parameters) in ScoreBenchmark's profile. Bounded by the number of resource methods.
 */
public final class CachedParameterNames implements ParameterNameProvider {
    private final ParameterNameProvider names = new JerseyParameterNameProvider();
    private final ConcurrentMap<Executable, List<String>> byExecutable = new ConcurrentHashMap<>();

    @Override
    public List<String> getParameterNames(Constructor<?> constructor) {
        return byExecutable.computeIfAbsent(constructor, c -> List.copyOf(names.getParameterNames(constructor)));
    }

    @Override
    public List<String> getParameterNames(Method method) {
        return byExecutable.computeIfAbsent(method, m -> List.copyOf(names.getParameterNames(method)));
    }
}
