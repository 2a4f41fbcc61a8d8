package io.rapport.it.hardening;

import static io.rapport.it.support.Fixtures.aContentItem;
import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.it.hardening.BadInputCases.Case;
import io.rapport.it.hardening.ContractOperations.Operation;
import io.rapport.it.support.DatabaseFingerprint;
import io.rapport.it.support.Fixtures;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.RawHttp;
import io.rapport.it.support.SocketHttp;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.model.AppInstallInput;
import io.rapport.sdk.model.Branch;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation of the contract, broken one way at a time (path parameters, query parameters, body fields
 * and whole bodies, headers, methods, request lines): never a 5xx, every error problem+json with a code and a
 * request id, and a refused request leaves the database as it was.
 */
class BadInputIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension()
            .with("scoring.sweepInterval", "1h")
            .with("scoring.rescorePollInterval", "1h")
            .with("webhooks.pollInterval", "1h");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void malformedRequests_neverAnswer5xx_alwaysProblemJson_andChangeNothing() throws Exception {
        TestOrg org = SERVER.newOrg();
        Map<String, String> ids = fixtures(org);
        String installToken = ids.remove("installToken");
        ContractOperations contract = new ContractOperations();
        String host = "localhost:" + port();
        List<Case> cases = new BadInputCases(contract, ids, op -> credential(op, org, installToken), host).all();

        SocketHttp http = new SocketHttp("localhost", port());
        DatabaseFingerprint database = new DatabaseFingerprint(SERVER.database());
        String before = database.take();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (Case c : cases) {
            SocketHttp.Answer answer;
            try {
                answer = http.send(c.head(), c.body());
            } catch (RuntimeException e) {
                failures.add(c.label() + " -> no answer: " + e.getMessage() + " / " + e.getCause());
                continue;
            }
            statuses.merge(answer.status(), 1, Integer::sum);
            String problem = c.head().startsWith("HEAD ") ? (answer.status() >= 500 ? "a server error" : null) : judge(answer);
            if (problem != null) {
                failures.add(c.label() + " -> " + answer.status() + " " + problem);
            }
            if (answer.status() >= 400) {
                String after = database.take();
                if (!after.equals(before)) {
                    failures.add(c.label() + " -> " + answer.status() + " changed the database: " + database.diff(before, after));
                }
                before = after;
            } else {
                before = database.take();
            }
        }
        System.out.printf("[BadInputIT] %d malformed requests over %d operations in %d s; statuses %s; %d failures%n",
                cases.size(), contract.all().size(), (System.nanoTime() - started) / 1_000_000_000, statuses, failures.size());
        failures.stream().limit(60).forEach(f -> System.out.println("[BadInputIT]   " + f));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "bad-input-failures.txt"), failures);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(5_000);
        assertThat(failures).isEmpty();
    }

    /** Null when the answer is acceptable for a malformed request, else what is wrong with it. */
    private static String judge(SocketHttp.Answer answer) {
        if (answer.status() >= 500) {
            return "a server error: " + abbreviate(answer.body());
        }
        if (answer.status() < 400) {
            return null;
        }
        String type = answer.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "not problem+json (" + type + "): " + abbreviate(answer.body());
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            if (!body.path("code").isTextual() || body.path("requestId").asText("").isEmpty()
                    || body.path("status").asInt() != answer.status()) {
                return "a problem without code, requestId or matching status: " + abbreviate(answer.body());
            }
        } catch (Exception e) {
            return "a problem body that is not JSON: " + abbreviate(answer.body());
        }
        return null;
    }

    private static String credential(Operation op, TestOrg org, String installToken) {
        if (op.scopes().contains("platform_admin")) {
            return RapportServerExtension.ADMIN_KEY;
        }
        if (op.scopes().equals(List.of("install_token"))) {
            return installToken;
        }
        return org.apiKey();
    }

    /** Real ids for every path parameter, so that broken requests get past "not found" to the checks behind it. */
    private static Map<String, String> fixtures(TestOrg org) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        Branch branch = Fixtures.aBranch(org.client());
        Officer officer = anOfficer().branch(branch.getId()).create(org.client());
        Partner partner = aPartner().externalId("crm-fuzz-1").create(org.client());
        ids.put("branchId", branch.getId().toString());
        ids.put("officerId", officer.getId().toString());
        ids.put("partnerId", partner.getId().toString());
        ids.put("externalId", "crm-fuzz-1");
        ids.put("contentId", aContentItem().create(org.client()).getId().toString());
        ids.put("orgId", SERVER.newOrg().orgId().toString());
        RawHttp raw = new RawHttp(SERVER.baseUrl(), org.apiKey());
        ids.put("keyId", field(raw.postJson("/v1/api-keys", "{\"name\":\"spare\",\"scopes\":[\"partners:read\"]}").body(), "id"));
        ids.put("subscriptionId", field(raw.postJson("/v1/webhook-subscriptions",
                "{\"url\":\"https://receiver.example.com/hooks\",\"eventTypes\":[\"score.tier_changed\"]}").body(), "id"));
        var install = org.client().appInstalls().register(new AppInstallInput().officerId(officer.getId()).partnerId(partner.getId()));
        ids.put("installId", install.getAppInstall().getId().toString());
        ids.put("installToken", install.getToken());
        org.client().events().send(List.of(Fixtures.anEvent(Instant.now()).pair(officer, partner).input()));
        ids.put("relationshipId", field(raw.get("/v1/relationships").body(), "items", "id"));
        ids.put("jobId", field(raw.postJson("/v1/scoring-model/rescore", "{}").body(), "id"));
        ids.put("deliveryId", UUID.randomUUID().toString());
        return ids;
    }

    private static String field(String json, String... path) throws Exception {
        JsonNode node = JSON.readTree(json);
        for (String name : path) {
            // Created answers wrap the record ({"apiKey":{"id":...},"secret":...}): the first "id" found.
            node = node.isArray() ? node.get(0).path(name) : node.has(name) ? node.path(name) : node.findPath(name);
        }
        assertThat(node.isTextual()).as("%s in %s", String.join(".", path), json).isTrue();
        return node.asText();
    }

    private static int port() {
        return Integer.parseInt(SERVER.baseUrl().substring(SERVER.baseUrl().lastIndexOf(':') + 1));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
