package io.rapport.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.RawHttp;
import io.rapport.it.support.TestDatabases;
import io.rapport.it.support.TestOrg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyIT {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK);

    @Test
    void create_repeatedWithTheSameKey_replaysTheFirstResponse() {
        RawHttp http = http(SERVER.newOrg());
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = http.post("/v1/partners", key, partner("Dana"));
        HttpResponse<String> second = http.post("/v1/partners", key, partner("Dana"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(id(second)).isEqualTo(id(first));
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(partnerCount(http)).isEqualTo(1);
    }

    @Test
    void create_withTheSameKeyAndAnotherBody_isRefusedAsReused() {
        RawHttp http = http(SERVER.newOrg());
        String key = UUID.randomUUID().toString();
        http.post("/v1/partners", key, partner("Dana"));

        HttpResponse<String> reused = http.post("/v1/partners", key, partner("Someone else"));

        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(code(reused)).isEqualTo("idempotency_key_reused");
        assertThat(reused.headers().firstValue("Rapport-Should-Retry")).contains("false");
        assertThat(partnerCount(http)).isEqualTo(1);
    }

    @Test
    void create_withTheSameKeyConcurrently_runsExactlyOnce() throws Exception {
        RawHttp http = http(SERVER.newOrg());
        String key = UUID.randomUUID().toString();
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return http.post("/v1/partners", key, partner("Concurrent"));
                }));
            }
            start.countDown();
            List<String> createdIds = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                HttpResponse<String> response = future.get();
                if (response.statusCode() == 201) {
                    createdIds.add(id(response));
                } else {
                    assertThat(response.statusCode()).isEqualTo(409);
                    assertThat(code(response)).isEqualTo("idempotency_request_in_progress");
                    assertThat(response.headers().firstValue("Rapport-Should-Retry")).contains("true");
                }
            }
            assertThat(createdIds).isNotEmpty().allMatch(createdIds.get(0)::equals);
        } finally {
            pool.shutdownNow();
        }
        assertThat(partnerCount(http)).isEqualTo(1);
    }

    @Test
    void keys_areScopedPerOrganization() {
        RawHttp one = http(SERVER.newOrg());
        RawHttp other = http(SERVER.newOrg());
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = one.post("/v1/partners", key, partner("Dana"));
        HttpResponse<String> second = other.post("/v1/partners", key, partner("Dana"));

        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(id(second)).isNotEqualTo(id(first));
        assertThat(second.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void platformAdminCreates_areIdempotentInTheirOwnScope() {
        RawHttp admin = new RawHttp(SERVER.baseUrl(), RapportServerExtension.ADMIN_KEY);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = admin.post("/v1/organizations", key, "{\"name\":\"Idempotent Org\"}");
        HttpResponse<String> second = admin.post("/v1/organizations", key, "{\"name\":\"Idempotent Org\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(id(second)).isEqualTo(id(first));
    }

    @Test
    void finalClientErrors_areStoredAndReplayed() {
        RawHttp http = http(SERVER.newOrg());
        http.post("/v1/partners", null, partnerWithExternalId("Dana", "crm-7"));
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = http.post("/v1/partners", key, partnerWithExternalId("Dana", "crm-7"));
        HttpResponse<String> second = http.post("/v1/partners", key, partnerWithExternalId("Dana", "crm-7"));

        assertThat(first.statusCode()).isEqualTo(409);
        assertThat(code(first)).isEqualTo("external_id_taken");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void serverErrors_releaseTheKey_soTheRetryRunsAgain() {
        TestOrg org = SERVER.newOrg();
        RawHttp http = http(org);
        String key = UUID.randomUUID().toString();
        TestDatabases.execute(SERVER.database(), "ALTER TABLE partner RENAME TO partner_unavailable");
        HttpResponse<String> failed;
        try {
            failed = http.post("/v1/partners", key, partner("Dana"));
        } finally {
            TestDatabases.execute(SERVER.database(), "ALTER TABLE partner_unavailable RENAME TO partner");
        }

        HttpResponse<String> retried = http.post("/v1/partners", key, partner("Dana"));

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(partnerCount(http)).isEqualTo(1);
    }

    @Test
    void keys_expireAfter24Hours() {
        RawHttp http = http(SERVER.newOrg());
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = http.post("/v1/partners", key, partner("Dana"));

        CLOCK.advance(Duration.ofHours(24).plusMinutes(1));
        HttpResponse<String> later = http.post("/v1/partners", key, partner("Someone else"));

        assertThat(later.statusCode()).isEqualTo(201);
        assertThat(id(later)).isNotEqualTo(id(first));
    }

    @Test
    void aClaimLeftByADeadRequest_answersInProgress_thenIsTakenOverAfterTwoMinutes() {
        RawHttp http = http(SERVER.newOrg());
        String key = UUID.randomUUID().toString();
        http.post("/v1/partners", key, partner("Dana"));
        // As if the process had died after claiming the key and before storing any response.
        TestDatabases.execute(SERVER.database(), "UPDATE idempotency_key SET state = 'in_progress',"
                + " response_status = NULL, response_body = NULL WHERE idempotency_key = '" + key + "'");

        HttpResponse<String> whileClaimed = http.post("/v1/partners", key, partner("Dana"));
        CLOCK.advance(Duration.ofMinutes(3));
        HttpResponse<String> afterLease = http.post("/v1/partners", key, partner("Dana"));
        HttpResponse<String> replay = http.post("/v1/partners", key, partner("Dana"));

        assertThat(whileClaimed.statusCode()).isEqualTo(409);
        assertThat(code(whileClaimed)).isEqualTo("idempotency_request_in_progress");
        assertThat(whileClaimed.headers().firstValue("Rapport-Should-Retry")).contains("true");
        assertThat(afterLease.statusCode()).isEqualTo(201);
        assertThat(afterLease.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(id(replay)).isEqualTo(id(afterLease));
    }

    @Test
    void anOverlongKey_isAValidationProblem() {
        RawHttp http = http(SERVER.newOrg());

        HttpResponse<String> response = http.post("/v1/partners", "k".repeat(256), partner("Dana"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(code(response)).isEqualTo("validation_failed");
        assertThat(partnerCount(http)).isZero();
    }

    @Test
    void anOversizedBody_isRefusedBeforeAnythingIsClaimed() {
        RawHttp http = http(SERVER.newOrg());
        String key = UUID.randomUUID().toString();

        HttpResponse<String> response = http.post("/v1/partners", key, partner("x".repeat(1024 * 1024)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(code(response)).isEqualTo("payload_too_large");
        assertThat(http.post("/v1/partners", key, partner("Dana")).statusCode()).isEqualTo(201);
    }

    private static RawHttp http(TestOrg org) {
        return new RawHttp(SERVER.baseUrl(), org.apiKey());
    }

    private static String partner(String name) {
        return "{\"name\":\"" + name + "\",\"type\":\"realtor\"}";
    }

    private static String partnerWithExternalId(String name, String externalId) {
        return "{\"name\":\"" + name + "\",\"type\":\"realtor\",\"externalId\":\"" + externalId + "\"}";
    }

    private static int partnerCount(RawHttp http) {
        return json(http.get("/v1/partners?limit=500")).path("items").size();
    }

    private static String id(HttpResponse<String> response) {
        return json(response).path("id").asText();
    }

    private static String code(HttpResponse<String> response) {
        return json(response).path("code").asText();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
