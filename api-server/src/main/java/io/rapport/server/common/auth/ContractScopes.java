package io.rapport.server.common.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scope each operation requires, read from the contract's {@code x-rapport-scope} so that the
 * contract, not a second list in code, decides who may call what. The value is one scope, or a YAML
 * list of alternatives of which the caller needs any one (e.g. {@code [events:write, install_token]}).
 */
public final class ContractScopes {
    private final Map<String, List<String>> scopeByOperationId;

    private ContractScopes(Map<String, List<String>> scopeByOperationId) {
        this.scopeByOperationId = Map.copyOf(scopeByOperationId);
    }

    public static ContractScopes parse(byte[] contractYaml) {
        try {
            JsonNode paths = new YAMLMapper().readTree(contractYaml).path("paths");
            Map<String, List<String>> scopes = new HashMap<>();
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                JsonNode op = operation.getValue();
                if (op.has("operationId")) {
                    List<String> scope = scopesOf(op.path("x-rapport-scope"));
                    if (scope.isEmpty()) {
                        throw new IllegalStateException("Operation " + op.get("operationId").asText()
                                + " has no x-rapport-scope in the contract");
                    }
                    scopes.put(op.get("operationId").asText(), scope);
                }
            }));
            return new ContractScopes(scopes);
        } catch (IOException e) {
            throw new UncheckedIOException("The contract cannot be read", e);
        }
    }

    private static List<String> scopesOf(JsonNode value) {
        List<String> scopes = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> scopes.add(item.asText("")));
        } else if (!value.isMissingNode() && !value.isNull()) {
            scopes.add(value.asText(""));
        }
        return scopes.stream().anyMatch(String::isBlank) ? List.of() : List.copyOf(scopes);
    }

    /** The scopes any one of which lets a caller use the operation. */
    public Optional<List<String>> scopeOf(String operationId) {
        return Optional.ofNullable(scopeByOperationId.get(operationId));
    }
}
