package io.rapport.it.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.it.hardening.ContractOperations.Operation;
import io.rapport.it.hardening.ContractOperations.Parameter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Generates malformed requests from the contract: for every operation, a plausible valid request (real ids
 * of the test's fixtures in the path, a body sampled from the schema), then that request broken one way at a
 * time — each path parameter, each query parameter, each body field (and the body as a whole), the headers.
 */
final class BadInputCases {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Stands for what Jackson will not write: a lone surrogate escape and a number beyond a double. */
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";
    private static final String HUGE_NUMBER = "@@huge-number@@";

    /** One request, as raw as it goes on the wire. */
    record Case(String label, String head, byte[] body) {
    }

    private final ContractOperations contract;
    private final Map<String, String> pathValues;
    private final Function<Operation, String> credential;
    private final String host;

    BadInputCases(ContractOperations contract, Map<String, String> pathValues, Function<Operation, String> credential,
                  String host) {
        this.contract = contract;
        this.pathValues = pathValues;
        this.credential = credential;
        this.host = host;
    }

    List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (Operation op : contract.all()) {
            pathCases(op, cases);
            queryCases(op, cases);
            headerCases(op, cases);
            if (op.jsonBody()) {
                bodyCases(op, cases);
            }
        }
        return cases;
    }

    // ---- paths

    private static final List<String> BAD_PATH_VALUES = List.of("%00", "%01", "a%00b", "%2e%2e", "..", "%2e", "%ff",
            "%fe%ff", "%5C", "a%5Cb", "%zz", "%", "null", "-1", "0", "%20", "a%20b", "%C0%AE%C0%AE", "%F0%9F%98%80",
            "%2F", "%7f", "%1b%5b31m", "x".repeat(300), "9".repeat(40), UUID.randomUUID().toString(),
            UUID.randomUUID().toString().toUpperCase(), "00000000-0000-0000-0000-000000000000", "%E2%80%AE", "'%20OR%201=1");

    private void pathCases(Operation op, List<Case> cases) {
        for (Parameter p : op.in("path")) {
            for (String bad : BAD_PATH_VALUES) {
                String path = fill(op.path(), Map.of(p.name(), bad));
                cases.add(request(op, "path " + p.name() + "=" + abbreviate(bad), op.method(), path + query(op),
                        standardHeaders(op), sampleBody(op)));
            }
        }
    }

    // ---- queries

    private static final List<String> BAD_QUERY_VALUES = List.of("%00", "%01", "a%00b", "", "-1", "0", "1e400",
            "99999999999999999999", "x", "%ff", "%zz", "true", "null", "%7f", "2024-13-45T99:99:99Z", "%E2%80%AE",
            "x".repeat(5000), "%2e%2e%2f", "[]", "%0d%0aX-Injected:%201");

    private void queryCases(Operation op, List<Case> cases) {
        String path = fill(op.path(), Map.of());
        for (Parameter p : op.in("query")) {
            for (String bad : BAD_QUERY_VALUES) {
                cases.add(request(op, "query " + p.name() + "=" + abbreviate(bad), op.method(),
                        path + "?" + p.name() + "=" + bad, standardHeaders(op), sampleBody(op)));
            }
            cases.add(request(op, "query " + p.name() + " twice", op.method(),
                    path + "?" + p.name() + "=1&" + p.name() + "=x", standardHeaders(op), sampleBody(op)));
        }
        cases.add(request(op, "query unknown %00 name", op.method(), path + "?%00=1", standardHeaders(op), sampleBody(op)));
    }

    // ---- headers

    private void headerCases(Operation op, List<Case> cases) {
        String target = fill(op.path(), Map.of()) + query(op);
        byte[] body = sampleBody(op);
        List<Map.Entry<String, String>> variants = new ArrayList<>();
        for (String contentType : List.of("text/plain", ";;;", "/", "application/json; charset=bogus",
                "application/xml", "multipart/form-data; boundary=", "application/json\u0001", "application/json, text/html",
                "a".repeat(5000), "application/problem+json")) {
            variants.add(Map.entry("Content-Type", contentType));
        }
        for (String accept : List.of("text/html", "x/y", ";;", "application/xml", "image/png")) {
            variants.add(Map.entry("Accept", accept));
        }
        for (String authorization : List.of("", "Bearer", "Bearer ", "Bearer x", "Basic YTpi", "Bearer \u0001",
                "Bearer rk_" + "a".repeat(300), "Bearer rit_00_x", "bearer " + "x".repeat(8000))) {
            variants.add(Map.entry("Authorization", authorization));
        }
        for (String key : List.of("", "\u0001", "k".repeat(300), "%00", "\u00ff")) {
            variants.add(Map.entry("Idempotency-Key", key));
        }
        variants.add(Map.entry("If-Match", "\"x"));
        variants.add(Map.entry("If-Match", "W/\"1\""));
        variants.add(Map.entry("If-None-Match", "*"));
        variants.add(Map.entry("If-None-Match", "\u0001"));
        variants.add(Map.entry("X-Request-Id", "r".repeat(500)));
        variants.add(Map.entry("X-Request-Id", "\u0001bad"));
        variants.add(Map.entry("X-Big", "b".repeat(40_000)));
        variants.add(Map.entry("Bad Header", "x"));
        variants.add(Map.entry("Transfer-Encoding", "gzip"));
        variants.add(Map.entry("Content-Encoding", "gzip"));
        for (Map.Entry<String, String> variant : variants) {
            Map<String, String> headers = standardHeaders(op);
            if (variant.getKey().equals("Authorization") && variant.getValue().isEmpty()) {
                headers.remove("Authorization");
            } else {
                headers.put(variant.getKey(), variant.getValue());
            }
            cases.add(request(op, "header " + variant.getKey() + ": " + abbreviate(variant.getValue()), op.method(),
                    target, headers, body));
        }
        for (String method : List.of("TRACE", "PROPFIND", "OPTIONS", "HEAD", "PATCH", "G\u0001T")) {
            cases.add(request(op, "method " + abbreviate(method), method, target, standardHeaders(op), body));
        }
        cases.add(new Case(op.id() + ": request line without version", op.method() + " " + target + "\r\nHost: " + host, null));
        cases.add(new Case(op.id() + ": HTTP/0.9 style", op.method() + " " + target + " HTTP/9.9\r\nHost: " + host, null));
    }

    // ---- bodies

    private void bodyCases(Operation op, List<Case> cases) {
        Map<String, String> headers = standardHeaders(op);
        String target = fill(op.path(), Map.of()) + query(op);
        for (String whole : List.of("", "null", "[]", "{", "}", "{}", "\"x\"", "1", "true", "{\"a\":", "[null]",
                "{\"\u0000\":1}", "{\"a\":1,\"a\":2}", "[".repeat(5000) + "]".repeat(5000), "{\"x\":" + "[".repeat(3000),
                "\uFEFF{}", "{'a':1}", "{\"a\":NaN}", "{\"a\":1e400}", "{\"a\":\"\\ud800\"}")) {
            cases.add(request(op, "body " + abbreviate(whole), op.method(), target, headers,
                    whole.getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(request(op, "body invalid UTF-8", op.method(), target, headers,
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}));
        JsonNode sample = sample(op.bodySchema(), "body", 0);
        List<String> leaves = new ArrayList<>();
        paths(sample, "", leaves);
        for (String pointer : leaves) {
            JsonNode original = sample.at(pointer);
            for (JsonNode bad : badValuesFor(original)) {
                JsonNode mutated = sample.deepCopy();
                replace(mutated, pointer, bad);
                cases.add(request(op, "body " + pointer + "=" + abbreviate(bad.toString()), op.method(), target, headers,
                        serialize(mutated)));
            }
            if (!pointer.isEmpty() && !pointer.matches(".*/\\d+$")) {
                JsonNode removed = sample.deepCopy();
                remove(removed, pointer);
                cases.add(request(op, "body " + pointer + " removed", op.method(), target, headers, serialize(removed)));
            }
        }
        if (sample.isObject()) {
            ObjectNode unknown = sample.deepCopy();
            unknown.put("unknownField\u0000", 1);
            cases.add(request(op, "body unknown field", op.method(), target, headers, serialize(unknown)));
        }
    }

    private static List<JsonNode> badValuesFor(JsonNode original) {
        List<JsonNode> bad = new ArrayList<>(List.of(JSON.nullNode(), JSON.textNode("a\u0000b"), JSON.textNode("\u0001"),
                JSON.textNode(""), JSON.objectNode(), JSON.arrayNode(), JSON.numberNode(-1), JSON.booleanNode(true)));
        if (original.isTextual() || original.isNull()) {
            bad.addAll(List.of(JSON.textNode("\u0000"), JSON.textNode("\u001b[31m"), JSON.textNode("\u007f"),
                    JSON.textNode(" "), JSON.textNode(LONE_SURROGATE), JSON.textNode("x".repeat(20_000)),
                    JSON.textNode("\u202eevil"), JSON.textNode("'; DROP TABLE partner; --"), JSON.numberNode(12)));
        } else if (original.isNumber()) {
            bad.addAll(List.of(JSON.numberNode(0), JSON.numberNode(1.5), JSON.textNode(HUGE_NUMBER),
                    JSON.numberNode(new BigDecimal("9223372036854775808")), JSON.textNode("1"), JSON.numberNode(Integer.MIN_VALUE)));
        } else if (original.isArray()) {
            ArrayNode withNull = JSON.arrayNode().addNull();
            ArrayNode withEmpty = JSON.arrayNode().add("");
            ArrayNode withNul = JSON.arrayNode().add("\u0000");
            ArrayNode nested = JSON.arrayNode().add(JSON.arrayNode());
            ArrayNode many = JSON.arrayNode();
            JsonNode element = original.size() > 0 ? original.get(0) : JSON.textNode("x");
            for (int i = 0; i < 1000; i++) {
                many.add(element.deepCopy());
            }
            ArrayNode duplicated = JSON.arrayNode().add(element.deepCopy()).add(element.deepCopy());
            ArrayNode elementThenNull = JSON.arrayNode().add(element.deepCopy()).addNull();
            bad.addAll(List.of(withNull, withEmpty, withNul, nested, many, duplicated, elementThenNull,
                    JSON.arrayNode().add(1), JSON.arrayNode().add(JSON.objectNode())));
        } else if (original.isBoolean()) {
            bad.addAll(List.of(JSON.textNode("true"), JSON.numberNode(1)));
        }
        return bad;
    }

    // ---- sampling a valid body from a schema

    private JsonNode sample(JsonNode schemaNode, String name, int depth) {
        JsonNode schema = contract.resolve(schemaNode);
        if (schema == null || depth > 5) {
            return JSON.textNode("x");
        }
        if (schema.has("allOf")) {
            ObjectNode merged = JSON.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode sampled = sample(part, name, depth + 1);
                if (sampled.isObject()) {
                    merged.setAll((ObjectNode) sampled);
                }
            }
            return merged;
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (!contract.resolve(property.getValue()).path("readOnly").asBoolean(false)) {
                        object.set(property.getKey(), sample(property.getValue(), property.getKey(), depth + 1));
                    }
                }
                if (schema.path("additionalProperties").asBoolean(false) && object.isEmpty()) {
                    object.put("campaign", "spring");
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                int count = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < count; i++) {
                    array.add(sample(schema.path("items"), singular(name), depth + 1));
                }
                yield array;
            }
            case "integer" -> JSON.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "number" -> JSON.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 1.0);
            case "boolean" -> JSON.booleanNode(true);
            default -> JSON.textNode(sampleText(schema, name));
        };
    }

    private String sampleText(JsonNode schema, String name) {
        String format = schema.path("format").asText("");
        return switch (format) {
            case "uuid" -> pathValues.getOrDefault(name, UUID.randomUUID().toString());
            case "date-time" -> OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
            case "date" -> LocalDate.now(ZoneOffset.UTC).toString();
            case "uri", "url" -> "https://example.com/rapport";
            case "email" -> "dana@example.com";
            default -> {
                int min = schema.path("minLength").asInt(1);
                yield "sample" + "x".repeat(Math.max(0, min - 6));
            }
        };
    }

    private static String singular(String name) {
        return name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
    }

    // ---- plumbing

    private byte[] sampleBody(Operation op) {
        if (op.bodyType() == null) {
            return null;
        }
        return op.jsonBody() ? serialize(sample(op.bodySchema(), "body", 0)) : "not an image".getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, String> standardHeaders(Operation op) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        String token = credential.apply(op);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (op.bodyType() != null) {
            headers.put("Content-Type", op.jsonBody() ? "application/json" : "image/png");
        }
        return headers;
    }

    private String query(Operation op) {
        StringBuilder query = new StringBuilder();
        for (Parameter p : op.in("query")) {
            if (p.required()) {
                query.append(query.isEmpty() ? "?" : "&").append(p.name()).append('=')
                        .append(sample(p.schema(), p.name(), 0).asText());
            }
        }
        return query.toString();
    }

    private String fill(String template, Map<String, String> overrides) {
        String path = template;
        int open;
        while ((open = path.indexOf('{')) >= 0) {
            int close = path.indexOf('}', open);
            String name = path.substring(open + 1, close);
            String value = overrides.containsKey(name) ? overrides.get(name)
                    : pathValues.getOrDefault(name, UUID.randomUUID().toString());
            path = path.substring(0, open) + value + path.substring(close + 1);
        }
        return path;
    }

    private Case request(Operation op, String what, String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return new Case(op.id() + ": " + what, head.toString(), body);
    }

    private static void paths(JsonNode node, String pointer, List<String> out) {
        out.add(pointer);
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> paths(f.getValue(), pointer + "/" + f.getKey(), out));
        } else if (node.isArray() && node.size() > 0) {
            paths(node.get(0), pointer + "/0", out);
        }
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        if (pointer.isEmpty()) {
            return;
        }
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value);
        } else if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
    }

    private static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        if (parent.isObject()) {
            ((ObjectNode) parent).remove(pointer.substring(slash + 1));
        }
    }

    private static byte[] serialize(JsonNode node) {
        try {
            String text = MAPPER.writeValueAsString(node)
                    .replace("\"" + LONE_SURROGATE + "\"", "\"\\ud800x\"")
                    .replace("\"" + HUGE_NUMBER + "\"", "1e400");
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…(" + printable.length() + ")" : printable;
    }
}
