package io.rapport.it.bench;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestDatabases;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.BackfillResult;
import io.rapport.sdk.EventTracker;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.TrackerMetrics;
import io.rapport.sdk.TrackerOptions;
import io.rapport.sdk.TrackerQueueFullException;
import io.rapport.sdk.model.UsageEventInput;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Back-filling a CRM's history through the SDK. Before: a burst of {@code bench.burst} (default 300,000)
 * {@code track()} calls on a tracker with default options, counting the events it refuses (queue full).
 * After: {@code EventTracker.trackAll} over {@code bench.backfillEvents} (default 1,000,000) events, oldest
 * first, with times over 1–700 days ago across {@code bench.backfillPartners} (default 500) relationships,
 * read lazily, with default options; beside raw JDBC batched inserts of the same rows in the same run. Prints
 * events/s, the ratio, CPU per 1,000 events (JVM, which holds the server too, and PostgreSQL), the queue's peak,
 * the JVM's heap used (sampled) and the load average; asserts nothing about time. Run with
 * {@code mvn -B verify -Pbench -pl integration-tests -am -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=BackfillBenchmark}.
 */
class BackfillBenchmark {
    private static final int EVENTS = Integer.getInteger("bench.backfillEvents", 1_000_000);
    private static final int BURST = Integer.getInteger("bench.burst", 300_000);
    private static final int PARTNERS = Integer.getInteger("bench.backfillPartners", 500);
    private static final int BATCH = 500;
    private static final String[] TYPES = {"app_opened", "content_viewed", "calculator_used", "profile_viewed"};
    private static final long SPAN_SECONDS = Duration.ofDays(699).toSeconds();

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    @Test
    void backfillThroughput() throws Exception {
        CpuMeter cpu;
        try (Connection connection = connect(false)) {
            cpu = CpuMeter.of(connection);
        }
        TestOrg org = SERVER.newOrg();
        UUID officer = anOfficer().create(org.client()).getId();
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            partners.add(aPartner().create(org.client()).getId());
        }
        RapportClient client = SERVER.client(org.apiKey());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String loadBefore = loadAverage();

        // Warm-up: JIT, connections, and every relationship row created once.
        trackAll(client, officer, partners, now, "warm-", PARTNERS * 20);
        long[] burst = burst(client, officer, partners, now);
        HeapSampler heap = HeapSampler.start();
        CpuMeter.Sample before = cpu.now();
        long start = System.nanoTime();
        Run run = trackAll(client, officer, partners, now, "crm-", EVENTS);
        long nanos = System.nanoTime() - start;
        CpuMeter.Used used = cpu.now().minus(before);
        long heapPeak = heap.stop();
        CpuMeter.Used[] rawUsedHolder = new CpuMeter.Used[1];
        double raw = rawInsertRate(org.orgId(), officer, partners, now, EVENTS, cpu, rawUsedHolder);
        CpuMeter.Used rawUsed = rawUsedHolder[0];
        double perSecond = EVENTS * 1e9 / nanos;

        System.out.printf("%n=== Rapport back-fill benchmark: %,d events over 1-700 days ago, %d relationships ===%n",
                EVENTS, PARTNERS);
        System.out.printf("load average before / after     : %s / %s%n", loadBefore, loadAverage());
        System.out.printf("before: burst of %,d track() calls, default options: %,d refused (%.1f%%), %,d delivered%n",
                BURST, burst[0], 100.0 * burst[0] / BURST, burst[1]);
        System.out.printf("after: trackAll, default options : %,12.0f events/s (%s)%n", perSecond, run.result());
        System.out.printf("raw JDBC batched insert (%d)    : %,12.0f events/s (same rows, same run)%n", BATCH, raw);
        System.out.printf("ratio trackAll / raw            : %12.2f%n", perSecond / raw);
        System.out.printf("CPU ms per 1,000 events         : trackAll %.1f JVM (SDK and server) + %.1f PostgreSQL,"
                        + " raw %.1f JVM + %.1f PostgreSQL%n", perThousand(used.jvmNanos()), perThousand(used.postgresNanos()),
                perThousand(rawUsed.jvmNanos()), perThousand(rawUsed.postgresNanos()));
        System.out.printf("queue: peak %,d of %,d; heap used: peak %,d MiB sampled (SDK and server in one JVM,"
                        + " max %,d MiB)%n", run.metrics().peakQueued(), TrackerOptions.defaults().maxQueueSize(),
                heapPeak >> 20, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() >> 20);
        if (!run.result().completed() || run.result().delivered() != EVENTS) {
            throw new IllegalStateException("The back-fill did not store every event: " + run.result());
        }
    }

    private record Run(BackfillResult result, TrackerMetrics metrics) {
    }

    private static Run trackAll(RapportClient client, UUID officer, List<UUID> partners, OffsetDateTime now,
                                String prefix, int count) {
        try (EventTracker tracker = client.tracker(TrackerOptions.defaults())) {
            BackfillResult result = tracker.trackAll(history(officer, partners, now, prefix, count));
            return new Run(result, tracker.metrics());
        }
    }

    /** The default tracker given a burst: how many {@code track()} calls it refuses, and how many it delivers. */
    private static long[] burst(RapportClient client, UUID officer, List<UUID> partners, OffsetDateTime now) {
        long refused = 0;
        EventTracker tracker = client.tracker(TrackerOptions.builder().closeTimeout(Duration.ofMinutes(10)).build());
        try (Stream<UsageEventInput> events = history(officer, partners, now, "burst-", BURST)) {
            for (UsageEventInput event : (Iterable<UsageEventInput>) events::iterator) {
                try {
                    tracker.track(event);
                } catch (TrackerQueueFullException e) {
                    refused++;
                }
            }
        }
        tracker.close();
        return new long[] {refused, tracker.metrics().delivered()};
    }

    /** Oldest first, read lazily; ids derived from the CRM's record numbers. */
    private static Stream<UsageEventInput> history(UUID officer, List<UUID> partners, OffsetDateTime now,
                                                   String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> new UsageEventInput()
                .eventId(UUID.nameUUIDFromBytes((prefix + i).getBytes(StandardCharsets.UTF_8)))
                .type(TYPES[i % TYPES.length]).occurredAt(occurredAt(now, i, count)).officerId(officer)
                .partnerId(partners.get(i % partners.size())).properties(Map.of("screen", "home", "sessionSeconds", i % 300)));
    }

    private static OffsetDateTime occurredAt(OffsetDateTime now, int i, int count) {
        return now.minusDays(1).minusSeconds(SPAN_SECONDS - SPAN_SECONDS * i / count);
    }

    /** The same rows (new ids) inserted with plain JDBC batches on one connection. */
    private static double rawInsertRate(UUID orgId, UUID officer, List<UUID> partners, OffsetDateTime now, int count,
                                        CpuMeter cpu, CpuMeter.Used[] used) throws Exception {
        try (Connection connection = connect(true)) {
            Map<UUID, UUID> relationships = relationships(connection, orgId);
            connection.setAutoCommit(false);
            // Measured while the connection is open: its backend's CPU is gone from /proc once it closes.
            CpuMeter.Sample before = cpu.now();
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO usage_event (org_id, event_id, relationship_id, officer_id, partner_id, type,
                                             occurred_at, received_at, content_id, properties)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, CAST(? AS jsonb))
                    """)) {
                for (int i = 0; i < count; i++) {
                    UUID partner = partners.get(i % partners.size());
                    insert.setObject(1, orgId);
                    insert.setObject(2, UUID.randomUUID());
                    insert.setObject(3, relationships.get(partner));
                    insert.setObject(4, officer);
                    insert.setObject(5, partner);
                    insert.setString(6, TYPES[i % TYPES.length]);
                    insert.setObject(7, occurredAt(now, i, count));
                    insert.setObject(8, now);
                    insert.setString(9, "{\"screen\":\"home\",\"sessionSeconds\":" + (i % 300) + "}");
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0 || i == count - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            long nanos = System.nanoTime() - start;
            used[0] = cpu.now().minus(before);
            return count * 1e9 / nanos;
        }
    }

    private static Map<UUID, UUID> relationships(Connection connection, UUID orgId) throws SQLException {
        Map<UUID, UUID> byPartner = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT partner_id, relationship_id FROM relationship WHERE org_id = ?")) {
            query.setObject(1, orgId);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    byPartner.put(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class));
                }
            }
        }
        return byPartner;
    }

    private static double perThousand(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e6 / (EVENTS / 1000.0);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static Connection connect(boolean rewriteBatches) throws SQLException {
        TestDatabases.Database db = SERVER.database();
        String url = db.url() + (rewriteBatches ? (db.url().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true" : "");
        return DriverManager.getConnection(url, db.user(), db.password());
    }

    /** The most heap in use, looked at every 100 ms on a daemon thread (a figure to print, not a test). */
    private static final class HeapSampler implements Runnable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread = new Thread(sampler, "heap-sampler");
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }
}
