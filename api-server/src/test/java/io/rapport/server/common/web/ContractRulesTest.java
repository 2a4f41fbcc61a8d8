package io.rapport.server.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract's own house rules, which neither Spectral nor Redocly checks: what a vendor's generated client
 * and a Prism mock need from every schema, number and operation. A new schema, field or operation that breaks
 * one is named in the failure.
 */
class ContractRulesTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static JsonNode contract;

    @BeforeAll
    static void load() throws Exception {
        contract = new YAMLMapper().readTree(ContractResource.load());
    }

    @Test
    void everySchema_hasAnExample() {
        List<String> without = new ArrayList<>();
        contract.path("components").path("schemas").fields().forEachRemaining(schema -> {
            if (!schema.getValue().has("example")) {
                without.add(schema.getKey());
            }
        });
        assertThat(without).as("schemas without an example (Prism mocks and the docs use it)").isEmpty();
    }

    @Test
    void everyNumber_isBoundedOnBothSides() {
        List<String> unbounded = new ArrayList<>();
        contract.path("components").path("schemas").fields().forEachRemaining(schema ->
                collectUnbounded(schema.getValue(), schema.getKey(), unbounded));
        contract.path("components").path("parameters").fields().forEachRemaining(parameter ->
                collectUnbounded(parameter.getValue().path("schema"), "parameter " + parameter.getKey(), unbounded));
        eachOperation((name, operation) -> operation.path("parameters").forEach(parameter ->
                collectUnbounded(parameter.path("schema"), name + " " + parameter.path("name").asText(), unbounded)));
        assertThat(unbounded).as("numbers without minimum and maximum").isEmpty();
    }

    @Test
    void everyOperation_declaresItsErrors_andItsAnswersCarryTheRequestId() {
        List<String> missing = new ArrayList<>();
        eachOperation((name, operation) -> {
            JsonNode responses = operation.path("responses");
            // An operation of scope public (its body is the credential) is neither authenticated nor counted
            // against a key's bucket, so it can answer none of 401, 403 and 429 and must not claim them.
            boolean open = operation.path("x-rapport-scope").asText().equals("public");
            for (String status : open ? List.of("400") : List.of("400", "401", "403", "429")) {
                if (!responses.has(status)) {
                    missing.add(name + " has no " + status);
                }
            }
            for (String status : open ? List.of("401", "403", "429") : List.<String>of()) {
                if (responses.has(status)) {
                    missing.add(name + " is public but declares " + status);
                }
            }
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2") && !response.getValue().path("headers").has("X-Request-Id")) {
                    missing.add(name + " " + response.getKey() + " does not declare X-Request-Id");
                }
            });
            if (!operation.hasNonNull("description")) {
                missing.add(name + " has no description");
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void queryParameters_areReadFromOperationsAndPaths_withReferencesResolved() {
        ContractQueryParameters parameters = ContractQueryParameters.parse(ContractResource.load());

        assertThat(parameters.of("listPartners")).hasValueSatisfying(names ->
                assertThat(names).contains("limit", "cursor", "type", "active"));
        assertThat(parameters.of("listScoreChanges")).hasValueSatisfying(names ->
                assertThat(names).containsExactlyInAnyOrder("cursor", "after", "limit"));
        assertThat(parameters.of("getScoringModel")).hasValueSatisfying(names -> assertThat(names).isEmpty());
        assertThat(parameters.of("noSuchOperation")).isEmpty();
    }

    private static void collectUnbounded(JsonNode schema, String where, List<String> out) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        String type = schema.path("type").asText("");
        if ((type.equals("integer") || type.equals("number")) && !(schema.has("minimum") && schema.has("maximum"))) {
            out.add(where);
        }
        schema.path("properties").fields().forEachRemaining(p -> collectUnbounded(p.getValue(), where + "." + p.getKey(), out));
        collectUnbounded(schema.get("items"), where + "[]", out);
        if (schema.path("additionalProperties").isObject()) {
            collectUnbounded(schema.get("additionalProperties"), where + "{}", out);
        }
        schema.path("allOf").forEach(part -> collectUnbounded(part, where, out));
    }

    private interface OperationVisitor {
        void visit(String name, JsonNode operation);
    }

    private static void eachOperation(OperationVisitor visitor) {
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                visitor.visit(op.getValue().path("operationId").asText(op.getKey() + " " + path.getKey()), op.getValue());
            }
        }));
    }
}
