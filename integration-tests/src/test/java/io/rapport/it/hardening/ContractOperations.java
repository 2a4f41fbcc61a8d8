package io.rapport.it.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The operations of {@code openapi/rapport.yaml}, as far as a request generator needs them. */
final class ContractOperations {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** {@code bodyType}: the body's media type ({@code application/json}, or a raw one), null without a body. */
    record Operation(String id, String method, String path, List<String> scopes, List<Parameter> parameters,
                     String bodyType, JsonNode bodySchema) {
        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean jsonBody() {
            return "application/json".equals(bodyType);
        }
    }

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    ContractOperations() {
        try (InputStream in = ContractOperations.class.getClassLoader().getResourceAsStream("openapi/rapport.yaml")) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Parameter> shared = parameters(path.getValue().path("parameters"));
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(operation(path.getKey(), op.getKey(), op.getValue(), shared));
                }
            }
        }
    }

    List<Operation> all() {
        return operations;
    }

    /** Follows a {@code $ref} (any depth) to what it names. */
    JsonNode resolve(JsonNode node) {
        while (node != null && node.has("$ref")) {
            String[] parts = node.get("$ref").asText().substring(2).split("/");
            JsonNode target = root;
            for (String part : parts) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    private Operation operation(String path, String method, JsonNode op, List<Parameter> shared) {
        List<Parameter> parameters = new ArrayList<>(shared);
        parameters.addAll(parameters(op.path("parameters")));
        JsonNode scope = op.path("x-rapport-scope");
        List<String> scopes = new ArrayList<>();
        if (scope.isArray()) {
            scope.forEach(s -> scopes.add(s.asText()));
        } else if (!scope.isMissingNode()) {
            scopes.add(scope.asText());
        }
        String bodyType = null;
        JsonNode bodySchema = null;
        JsonNode content = resolve(op.path("requestBody")).path("content");
        if (content.isObject() && content.size() > 0) {
            bodyType = content.has("application/json") ? "application/json" : content.fieldNames().next();
            bodySchema = content.path(bodyType).path("schema");
        }
        return new Operation(op.path("operationId").asText(), method.toUpperCase(Locale.ROOT), path, scopes,
                parameters, bodyType, bodySchema);
    }

    private List<Parameter> parameters(JsonNode list) {
        List<Parameter> found = new ArrayList<>();
        for (JsonNode p : list) {
            JsonNode parameter = resolve(p);
            found.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                    parameter.path("required").asBoolean(false), resolve(parameter.path("schema"))));
        }
        return found;
    }
}
