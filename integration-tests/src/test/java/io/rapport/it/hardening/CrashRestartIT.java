package io.rapport.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.it.support.RawHttp;
import io.rapport.it.support.ServerProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default after a SIGKILL under ingest: the next start on the same data folder stops the
 * PostgreSQL the dead server left running and comes up (within 30 s), with every acknowledged event stored
 * exactly once. And an orderly stop (SIGTERM) stops HTTP and the workers before the database: no error, no
 * stack trace, no PostgreSQL left behind.
 */
class CrashRestartIT {
    private static final String ADMIN_KEY = "crash-restart-it-admin-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sigkillUnderIngest_restartsOnTheSameFolder_withEveryAcknowledgedEventStoredOnce(@TempDir Path dataDir)
            throws Exception {
        Map<String, String> settings = Map.of("database.url", "", "database.dataDir", dataDir.toString(),
                "auth.adminKey", ADMIN_KEY, "rateLimit.enabled", "false", "logging.level", "WARN",
                "webhooks.pollInterval", "100ms");
        Path log = dataDir.resolve("server.log");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String key;
        String relationshipId;
        try (ServerProcess first = ServerProcess.start(settings, log)) {
            assertThat(first.awaitReady(Duration.ofMinutes(2))).as("first start").isTrue();
            key = orgKey(first.baseUrl());
            String officer = create(first.baseUrl(), key, "/v1/officers", "{\"displayName\":\"Olive Officer\"}");
            String partner = create(first.baseUrl(), key, "/v1/partners", "{\"name\":\"Pat Partner\",\"type\":\"realtor\"}");
            AtomicBoolean ingesting = new AtomicBoolean(true);
            Thread ingest = new Thread(() -> ingestUntilRefused(first.baseUrl(), key, officer, partner, acknowledged, ingesting));
            ingest.start();
            while (acknowledged.size() < 400 && ingest.isAlive()) {
                Thread.sleep(20);
            }
            first.kill();
            ingesting.set(false);
            ingest.join();
        }
        assertThat(postmasterAlive(dataDir)).as("the killed server left its PostgreSQL running").isTrue();

        try (ServerProcess second = ServerProcess.start(settings, log)) {
            assertThat(second.awaitReady(Duration.ofSeconds(30))).as("restart within 30 s; log:%n%s", second.output()).isTrue();
            relationshipId = JSON.readTree(new RawHttp(second.baseUrl(), key).get("/v1/relationships").body())
                    .path("items").get(0).path("id").asText();
            Map<String, Integer> stored = storedEventIds(second.baseUrl(), key, relationshipId);
            System.out.printf("[CrashRestartIT] %d events acknowledged before the SIGKILL, %d stored after the restart%n",
                    acknowledged.size(), stored.size());
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(400);
            assertThat(stored.keySet()).containsAll(acknowledged);
            assertThat(stored.values()).containsOnly(1);

            assertThat(second.stop()).as("orderly stop").isNotNegative();
        }
        String afterStop = Files.readString(log).substring(Files.readString(log).lastIndexOf("stopping it before starting"));
        assertThat(afterStop).as("an orderly stop logs no error and no stack trace").doesNotContain("ERROR", "\tat ", "Exception");
        assertThat(postmasterAlive(dataDir)).as("an orderly stop stops PostgreSQL too").isFalse();
    }

    private static void ingestUntilRefused(String baseUrl, String key, String officer, String partner, Set<String> acknowledged,
                                           AtomicBoolean ingesting) {
        RawHttp http = new RawHttp(baseUrl, key);
        while (ingesting.get()) {
            StringBuilder batch = new StringBuilder("{\"events\":[");
            for (int i = 0; i < 25; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"eventId\":\"").append(UUID.randomUUID())
                        .append("\",\"type\":\"app_opened\",\"officerId\":\"").append(officer).append("\",\"partnerId\":\"")
                        .append(partner).append("\",\"occurredAt\":\"").append(Instant.now()).append("\"}");
            }
            try {
                HttpResponse<String> answer = http.postJson("/v1/events", batch.append("]}").toString());
                if (answer.statusCode() == 200) {
                    JsonNode result = JSON.readTree(answer.body());
                    result.path("acceptedEventIds").forEach(id -> acknowledged.add(id.asText()));
                    result.path("duplicateEventIds").forEach(id -> acknowledged.add(id.asText()));
                }
            } catch (Exception serverGone) {
                return;
            }
        }
    }

    private static Map<String, Integer> storedEventIds(String baseUrl, String key, String relationshipId) throws Exception {
        RawHttp http = new RawHttp(baseUrl, key);
        Map<String, Integer> counts = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = JSON.readTree(http.get("/v1/relationships/" + relationshipId + "/events?limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor)).body());
            page.path("items").forEach(e -> counts.merge(e.path("eventId").asText(), 1, Integer::sum));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return counts;
    }

    private static String orgKey(String baseUrl) throws Exception {
        RawHttp admin = new RawHttp(baseUrl, ADMIN_KEY);
        String org = create(baseUrl, ADMIN_KEY, "/v1/organizations", "{\"name\":\"Crash Lending\"}");
        return JSON.readTree(admin.postJson("/v1/organizations/" + org + "/api-keys",
                "{\"name\":\"k\",\"scopes\":[\"admin\"]}").body()).path("secret").asText();
    }

    private static String create(String baseUrl, String key, String path, String json) throws Exception {
        HttpResponse<String> answer = new RawHttp(baseUrl, key).postJson(path, json);
        assertThat(answer.statusCode()).as("%s: %s", path, answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).findPath("id").asText();
    }

    private static boolean postmasterAlive(Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(pidFile));
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        return process.map(ProcessHandle::isAlive).orElse(false);
    }
}
