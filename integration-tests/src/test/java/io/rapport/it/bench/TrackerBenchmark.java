package io.rapport.it.bench;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestDatabases;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.EventTracker;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.TrackerMetrics;
import io.rapport.sdk.TrackerOptions;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.UsageEventInput;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The EventTracker's costs: {@code track()} calls per second on one thread (the enqueue cost an
 * application pays), alone and while the flusher sends to the server in this JVM, and end-to-end events per
 * second from {@code track()} into the real server until {@code close()} returns, beside a raw JDBC
 * batched insert of the same rows in the same run. Prints figures; asserts nothing about time. Run with
 * {@code mvn -B verify -Pbench -pl integration-tests -am -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (or {@code -Dit.test=TrackerBenchmark}); sizes from
 * {@code bench.trackCalls} (default 1,000,000) and {@code bench.events} (default 100,000).
 */
class TrackerBenchmark {
    private static final int TRACK_CALLS = Integer.getInteger("bench.trackCalls", 1_000_000);
    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    private static final int BATCH = 500;

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    @Test
    void trackerThroughput() throws Exception {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        RapportClient client = SERVER.client(org.apiKey());

        endToEnd(client, officer, partner, EVENTS / 10); // warm-up: JIT, connections, relationship row
        double isolated;
        try (ServerSocket silent = new ServerSocket(0)) {
            // A server that accepts connections and never answers: the flusher waits on its first batch,
            // so the loop below measures track() alone, with no sending competing for the two cores.
            RapportClient stalled = RapportClient.builder().baseUrl("http://127.0.0.1:" + silent.getLocalPort())
                    .apiKey(org.apiKey()).maxAttempts(1).build();
            isolated = enqueueRate(stalled, officer, partner, Duration.ofSeconds(1));
        }
        double enqueue = enqueueRate(client, officer, partner, Duration.ofMinutes(10));
        Result tracked = endToEnd(client, officer, partner, EVENTS);
        double raw = rawInsertRate(org.orgId(), officer, partner, EVENTS);

        System.out.printf("%n=== Rapport EventTracker benchmark ===%n");
        System.out.printf("track() on one thread, alone   : %,12.0f calls/s  (%,d calls, flusher stalled)%n",
                isolated, TRACK_CALLS);
        System.out.printf("track() while the flusher sends: %,12.0f calls/s  (%,d calls, server in this JVM)%n",
                enqueue, TRACK_CALLS);
        System.out.printf("tracker -> server, end to end  : %,12.0f events/s (%,d events, %s)%n",
                tracked.perSecond(), EVENTS, tracked.metrics());
        System.out.printf("raw JDBC batched insert (%d)  : %,12.0f events/s (same rows, same run)%n", BATCH, raw);
        System.out.printf("ratio tracker / raw            : %12.2f%n", tracked.perSecond() / raw);
    }

    private record Result(double perSecond, TrackerMetrics metrics) {
    }

    private static double enqueueRate(RapportClient client, Officer officer, Partner partner, Duration closeTimeout) {
        TrackerOptions options = TrackerOptions.builder().maxQueueSize(1_000_000)
                .enqueueTimeout(Duration.ofMinutes(5)).closeTimeout(closeTimeout).build();
        long start;
        long elapsed;
        try (EventTracker tracker = client.tracker(options)) {
            start = System.nanoTime();
            for (int i = 0; i < TRACK_CALLS; i++) {
                tracker.track(event(officer, partner, i));
            }
            elapsed = System.nanoTime() - start;
        }
        return TRACK_CALLS * 1e9 / elapsed;
    }

    private static Result endToEnd(RapportClient client, Officer officer, Partner partner, int count) {
        TrackerOptions options = TrackerOptions.builder().enqueueTimeout(Duration.ofMinutes(5))
                .closeTimeout(Duration.ofMinutes(10)).build();
        EventTracker tracker = client.tracker(options);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            tracker.track(event(officer, partner, i));
        }
        tracker.close();
        long elapsed = System.nanoTime() - start;
        TrackerMetrics metrics = tracker.metrics();
        if (metrics.delivered() != count) {
            throw new IllegalStateException("Not every event was delivered: " + metrics);
        }
        return new Result(count * 1e9 / elapsed, metrics);
    }

    private static UsageEventInput event(Officer officer, Partner partner, int i) {
        return new UsageEventInput().type("app_opened").officerId(officer.getId()).partnerId(partner.getId())
                .properties(Map.of("screen", "home", "sessionSeconds", i % 300));
    }

    /** The rows the tracker wrote, inserted again with plain JDBC batches on one connection. */
    private static double rawInsertRate(UUID orgId, Officer officer, Partner partner, int count) throws Exception {
        TestDatabases.Database db = SERVER.database();
        try (Connection connection = DriverManager.getConnection(db.url() + (db.url().contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true", db.user(), db.password())) {
            UUID relationshipId = relationshipOf(connection, orgId);
            connection.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO usage_event (org_id, event_id, relationship_id, officer_id, partner_id, type,
                                             occurred_at, received_at, content_id, properties)
                    VALUES (?, ?, ?, ?, ?, 'app_opened', ?, ?, NULL, CAST(? AS jsonb))
                    """)) {
                for (int i = 0; i < count; i++) {
                    insert.setObject(1, orgId);
                    insert.setObject(2, UUID.randomUUID());
                    insert.setObject(3, relationshipId);
                    insert.setObject(4, officer.getId());
                    insert.setObject(5, partner.getId());
                    insert.setObject(6, now);
                    insert.setObject(7, now);
                    insert.setString(8, "{\"screen\":\"home\",\"sessionSeconds\":" + (i % 300) + "}");
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0 || i == count - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return count * 1e9 / (System.nanoTime() - start);
        }
    }

    private static UUID relationshipOf(Connection connection, UUID orgId) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT relationship_id FROM relationship WHERE org_id = ? LIMIT 1")) {
            query.setObject(1, orgId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }
}
