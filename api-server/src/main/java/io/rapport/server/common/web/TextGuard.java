package io.rapport.server.common.web;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.rapport.server.common.problem.FieldProblem;
import io.rapport.server.common.problem.InvalidInputException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every JSON body the contract's models were read from, in one place, before bean validation and
 * the resource see it: no text (property, list element, map key or value) may hold a disallowed control
 * character, and no list may hold a null element. Both answer 422 with the field's JSON path; before,
 * each reached PostgreSQL or a {@code List.copyOf} and answered 500.
 *
 * <p>Walks the read object through Jackson's own view of the model (the JSON names), cached per class.
 * Types in {@code exempt} are not walked: the event batch judges each event alone ({@code EventRules}
 * already refuses NUL per event), and walking it would cost the ingest path.
 */
@Provider
public class TextGuard implements ReaderInterceptor {
    private static final String MODEL_PACKAGE = "io.rapport.server.generated.model";

    private final ObjectMapper mapper;
    private final Set<Class<?>> exempt;
    private final Map<Class<?>, List<Property>> properties = new ConcurrentHashMap<>();

    private record Property(String name, AnnotatedMember accessor) {
        boolean collection() {
            Class<?> type = accessor.getRawType();
            return Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
        }
    }

    public TextGuard(ObjectMapper mapper, Set<Class<?>> exempt) {
        this.mapper = mapper;
        this.exempt = Set.copyOf(exempt);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        if (entity != null && isModel(entity.getClass()) && !exempt.contains(entity.getClass())) {
            List<FieldProblem> problems = new ArrayList<>();
            walk(entity, "", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
        return entity;
    }

    private void walk(Object value, String path, List<FieldProblem> problems) {
        if (value instanceof String text) {
            if (ControlCharacters.in(text)) {
                problems.add(new FieldProblem(name(path), ControlCharacters.MESSAGE));
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                String at = path + "[" + i++ + "]";
                if (item == null) {
                    problems.add(new FieldProblem(at, "must not be null"));
                } else {
                    walk(item, at, problems);
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String at = join(path, String.valueOf(entry.getKey()));
                if (entry.getKey() instanceof String key && ControlCharacters.in(key)) {
                    problems.add(new FieldProblem(name(path), "has a key that " + ControlCharacters.MESSAGE));
                }
                walk(entry.getValue(), at, problems);
            }
        } else if (value != null && isModel(value.getClass())) {
            for (Property property : properties.computeIfAbsent(value.getClass(), this::introspect)) {
                Object propertyValue = property.accessor().getValue(value);
                if (propertyValue == null && property.collection()) {
                    // Generated models start every list and map empty: null here was sent as an explicit JSON null.
                    problems.add(new FieldProblem(join(path, property.name()), "must not be null"));
                } else {
                    walk(propertyValue, join(path, property.name()), problems);
                }
            }
        }
    }

    private List<Property> introspect(Class<?> type) {
        BeanDescription bean = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
        List<Property> found = new ArrayList<>();
        for (BeanPropertyDefinition definition : bean.findProperties()) {
            AnnotatedMember accessor = definition.getAccessor();
            if (accessor == null) {
                accessor = definition.getField();
            }
            if (accessor != null) {
                accessor.fixAccess(true);
                found.add(new Property(definition.getName(), accessor));
            }
        }
        return List.copyOf(found);
    }

    private static boolean isModel(Class<?> type) {
        return type.getPackageName().equals(MODEL_PACKAGE) && !type.isEnum();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String name(String path) {
        return path.isEmpty() ? "body" : path;
    }
}
