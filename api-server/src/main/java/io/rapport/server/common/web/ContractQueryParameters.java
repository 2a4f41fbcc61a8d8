package io.rapport.server.common.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters each operation declares in the contract (its own and its path's, `$ref`s to
 * `components/parameters` resolved), so that anything else can be refused instead of silently ignored.
 */
public final class ContractQueryParameters {
    private static final String COMPONENT_PREFIX = "#/components/parameters/";
    private final Map<String, Set<String>> byOperationId;

    private ContractQueryParameters(Map<String, Set<String>> byOperationId) {
        this.byOperationId = Map.copyOf(byOperationId);
    }

    public static ContractQueryParameters parse(byte[] contractYaml) {
        try {
            JsonNode root = new YAMLMapper().readTree(contractYaml);
            JsonNode components = root.path("components").path("parameters");
            Map<String, Set<String>> result = new HashMap<>();
            root.path("paths").fields().forEachRemaining(path -> {
                Set<String> shared = new HashSet<>();
                collect(path.getValue().path("parameters"), components, shared);
                path.getValue().fields().forEachRemaining(operation -> {
                    JsonNode op = operation.getValue();
                    if (op.has("operationId")) {
                        Set<String> names = new HashSet<>(shared);
                        collect(op.path("parameters"), components, names);
                        result.put(op.get("operationId").asText(), Set.copyOf(names));
                    }
                });
            });
            return new ContractQueryParameters(result);
        } catch (IOException e) {
            throw new UncheckedIOException("The contract cannot be read", e);
        }
    }

    private static void collect(JsonNode parameters, JsonNode components, Set<String> names) {
        for (JsonNode parameter : parameters) {
            JsonNode resolved = parameter;
            String ref = parameter.path("$ref").asText("");
            if (ref.startsWith(COMPONENT_PREFIX)) {
                resolved = components.path(ref.substring(COMPONENT_PREFIX.length()));
            }
            if ("query".equals(resolved.path("in").asText())) {
                names.add(resolved.path("name").asText());
            }
        }
    }

    /** The query parameter names of an operation; empty when the contract has no such operation. */
    public Optional<Set<String>> of(String operationId) {
        return Optional.ofNullable(byOperationId.get(operationId));
    }
}
