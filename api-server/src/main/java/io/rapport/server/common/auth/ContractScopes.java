package io.rapport.server.common.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scope each operation requires, read from the contract's {@code x-rapport-scope} so that the
 * contract, not a second list in code, decides who may call what.
 */
public final class ContractScopes {
    private final Map<String, String> scopeByOperationId;

    private ContractScopes(Map<String, String> scopeByOperationId) {
        this.scopeByOperationId = Map.copyOf(scopeByOperationId);
    }

    public static ContractScopes parse(byte[] contractYaml) {
        try {
            JsonNode paths = new YAMLMapper().readTree(contractYaml).path("paths");
            Map<String, String> scopes = new HashMap<>();
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                JsonNode op = operation.getValue();
                if (op.has("operationId")) {
                    String scope = op.path("x-rapport-scope").asText("");
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

    public Optional<String> scopeOf(String operationId) {
        return Optional.ofNullable(scopeByOperationId.get(operationId));
    }
}
