package io.rapport.it.bench;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestDatabases;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.UsageEventInput;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ingest throughput: raw JDBC batched inserts of event rows (what this machine's PostgreSQL can take)
 * against the real API over HTTP through the SDK, from concurrent clients with batches of 500, on an
 * empty table and again after a million events are stored. It prints figures and asserts nothing
 * about time. Run it with {@code mvn -B verify -Pbench -pl integration-tests -am -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; sizes come from the {@code bench.*} system properties.
 */
class IngestBenchmark {
    private static final int BATCH = 500;
    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int PARTNERS = Integer.getInteger("bench.partners", 50);
    private static final int SEED = Integer.getInteger("bench.seed", 1_000_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 200_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    private static final String[] TYPES = {"app_opened", "content_viewed", "calculator_used", "profile_viewed"};

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    private record Target(UUID relationshipId, UUID officerId, UUID partnerId) {
    }

    private static CpuMeter cpu;

    /** Throughput, batch latencies and CPU used (this JVM; PostgreSQL, -1 when unknown) of one run. */
    private record Run(int events, long nanos, List<Long> batchNanos, long jvmCpuNanos, long jitCpuNanos,
                       long postgresCpuNanos, long backgroundCpuNanos) {
        static final Run NONE = new Run(0, 0, List.of(), 0, 0, 0, 0);

        double perSecond() {
            return events * 1e9 / nanos;
        }

        /** Milliseconds of CPU per 1,000 events: this JVM, PostgreSQL. */
        double jvmCpuPerThousand() {
            return jvmCpuNanos / 1e6 / (events / 1000.0);
        }

        /** Of {@link #jvmCpuPerThousand}, what the JIT compiler threads used (warm-up still going on). */
        double jitCpuPerThousand() {
            return jitCpuNanos / 1e6 / (events / 1000.0);
        }

        double postgresCpuPerThousand() {
            return postgresCpuNanos < 0 ? Double.NaN : postgresCpuNanos / 1e6 / (events / 1000.0);
        }

        /** Of {@link #postgresCpuPerThousand}, what PostgreSQL's background processes used (autovacuum, WAL writer...). */
        double backgroundCpuPerThousand() {
            return postgresCpuNanos < 0 ? Double.NaN : backgroundCpuNanos / 1e6 / (events / 1000.0);
        }

        Run plus(Run other) {
            List<Long> latencies = new ArrayList<>(batchNanos);
            latencies.addAll(other.batchNanos);
            long postgres = postgresCpuNanos < 0 || other.postgresCpuNanos < 0 ? -1 : postgresCpuNanos + other.postgresCpuNanos;
            return new Run(events + other.events, nanos + other.nanos, latencies, jvmCpuNanos + other.jvmCpuNanos,
                    jitCpuNanos + other.jitCpuNanos, postgres, backgroundCpuNanos + other.backgroundCpuNanos);
        }

        double percentileMillis(double p) {
            List<Long> sorted = new ArrayList<>(batchNanos);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }

    @Test
    void ingestThroughput() throws Exception {
        try (Connection connection = connect(false)) {
            cpu = CpuMeter.of(connection);
        }
        StatementStats.install(SERVER.database());
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            partners.add(aPartner().create(org.client()));
        }
        List<RapportClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(SERVER.client(org.apiKey()));
        }
        // Warm-up (the JIT compiles the whole path) also creates every relationship, so all ways then
        // write to existing pairs.
        api(clients, batches(events(WARMUP, officer, partners)));
        List<Target> targets = org.client().relationships().all(officer.getId(), null)
                .map(r -> new Target(r.getId(), r.getOfficerId(), r.getPartnerId())).toList();
        raw(org.orgId(), targets, WARMUP);
        rawApiStatement(org.orgId(), targets, WARMUP);

        System.out.printf("%n=== Rapport ingest benchmark: %,d events per way and stage in %d alternating rounds,"
                + " batches of %d, %d concurrent clients, %d pairs ===%n", EVENTS, ROUNDS, BATCH, CLIENTS, targets.size());
        stage("empty table", org.orgId(), targets, clients, officer, partners);
        long seedStart = System.nanoTime();
        seed(org.orgId(), SEED);
        System.out.printf("seeded %,d events with INSERT ... SELECT generate_series in %.1f s%n", SEED,
                (System.nanoTime() - seedStart) / 1e9);
        stage("after " + String.format("%,d", SEED) + " stored", org.orgId(), targets, clients, officer, partners);
    }

    /**
     * The three ways in alternating rounds, so that load from elsewhere on the machine falls on all of
     * them alike; each figure is over all its rounds.
     */
    private static void stage(String label, UUID orgId, List<Target> targets, List<RapportClient> clients,
                              Officer officer, List<Partner> partners) throws Exception {
        int perRound = EVENTS / ROUNDS;
        Run raw = Run.NONE;
        Run statement = Run.NONE;
        Run api = Run.NONE;
        StatementStats.reset();
        for (int round = 0; round < ROUNDS; round++) {
            List<List<UsageEventInput>> batches = batches(events(perRound, officer, partners));
            raw = raw.plus(raw(orgId, targets, perRound));
            statement = statement.plus(rawApiStatement(orgId, targets, perRound));
            api = api.plus(api(clients, batches));
        }
        report(label, raw, statement, api);
        System.out.print(StatementStats.top(10));
    }

    private static void report(String label, Run raw, Run statement, Run api) {
        System.out.printf("--- %s ---%n", label);
        System.out.printf("(1) raw JDBC batched insert : %,10.0f events/s   batch p50 %6.1f ms  p99 %6.1f ms%n",
                raw.perSecond(), raw.percentileMillis(0.50), raw.percentileMillis(0.99));
        System.out.printf("    API's INSERT via JDBC   : %,10.0f events/s   batch p50 %6.1f ms  p99 %6.1f ms%n",
                statement.perSecond(), statement.percentileMillis(0.50), statement.percentileMillis(0.99));
        System.out.printf("(2) API over HTTP via SDK   : %,10.0f events/s   batch p50 %6.1f ms  p99 %6.1f ms%n",
                api.perSecond(), api.percentileMillis(0.50), api.percentileMillis(0.99));
        System.out.printf("(3) ratio (2)/(1)           : %10.2f%n", api.perSecond() / raw.perSecond());
        System.out.printf("    CPU ms per 1,000 events : raw %.1f JVM + %.1f PostgreSQL, API's INSERT %.1f + %.1f,"
                        + " API %.1f JVM + %.1f PostgreSQL%n",
                raw.jvmCpuPerThousand(), raw.postgresCpuPerThousand(), statement.jvmCpuPerThousand(),
                statement.postgresCpuPerThousand(), api.jvmCpuPerThousand(), api.postgresCpuPerThousand());
        System.out.printf("    of the JVM's, JIT       : raw %.1f, API's INSERT %.1f, API %.1f%n",
                raw.jitCpuPerThousand(), statement.jitCpuPerThousand(), api.jitCpuPerThousand());
        System.out.printf("    of PostgreSQL's, background processes: raw %.1f, API's INSERT %.1f, API %.1f%n",
                raw.backgroundCpuPerThousand(), statement.backgroundCpuPerThousand(), api.backgroundCpuPerThousand());
        System.out.printf("    CPU-cost ratio raw/API  : %10.2f  (the ratio (3) on a machine with no other load)%n",
                (raw.jvmCpuPerThousand() + raw.postgresCpuPerThousand())
                        / (api.jvmCpuPerThousand() + api.postgresCpuPerThousand()));
        System.out.printf("    same, JIT left out      : %10.2f  (steady state: compiled code only)%n",
                (raw.jvmCpuPerThousand() - raw.jitCpuPerThousand() + raw.postgresCpuPerThousand())
                        / (api.jvmCpuPerThousand() - api.jitCpuPerThousand() + api.postgresCpuPerThousand()));
    }

    private static List<UsageEventInput> events(int count, Officer officer, List<Partner> partners) {
        Instant now = Instant.now();
        List<UsageEventInput> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new UsageEventInput().eventId(UUID.randomUUID()).type(TYPES[i % TYPES.length])
                    .occurredAt(OffsetDateTime.ofInstant(now.minusSeconds(i % 86_400), ZoneOffset.UTC))
                    .officerId(officer.getId()).partnerId(partners.get(i % partners.size()).getId())
                    .properties(Map.of("screen", "home", "sessionSeconds", i % 300)));
        }
        return events;
    }

    private static List<List<UsageEventInput>> batches(List<UsageEventInput> events) {
        List<List<UsageEventInput>> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); i += BATCH) {
            batches.add(events.subList(i, Math.min(events.size(), i + BATCH)));
        }
        return batches;
    }

    private static Run api(List<RapportClient> clients, List<List<UsageEventInput>> batches) throws Exception {
        return concurrently(clients.size(), batches.size(), (worker, batchIndex) -> {
            EventBatchResult result = clients.get(worker).events().send(batches.get(batchIndex));
            if (result.getAccepted() != batches.get(batchIndex).size()) {
                throw new IllegalStateException("Batch not fully accepted: " + result);
            }
        }, batches.stream().mapToInt(List::size).sum());
    }

    /** The same rows, inserted with plain JDBC batches (multi-row rewritten) on one connection per client. */
    private static Run raw(UUID orgId, List<Target> targets, int count) throws Exception {
        int batchCount = (count + BATCH - 1) / BATCH;
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Connection connection = connect(true);
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        Instant now = Instant.now();
        try {
            return concurrently(CLIENTS, batchCount, (worker, batchIndex) -> {
                try (PreparedStatement insert = connections.get(worker).prepareStatement("""
                        INSERT INTO usage_event (org_id, event_id, relationship_id, officer_id, partner_id, type,
                                                 occurred_at, received_at, content_id, properties)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, CAST(? AS jsonb))
                        """)) {
                    for (int i = 0; i < BATCH; i++) {
                        int n = batchIndex * BATCH + i;
                        Target target = targets.get(n % targets.size());
                        insert.setObject(1, orgId);
                        insert.setObject(2, UUID.randomUUID());
                        insert.setObject(3, target.relationshipId());
                        insert.setObject(4, target.officerId());
                        insert.setObject(5, target.partnerId());
                        insert.setString(6, TYPES[n % TYPES.length]);
                        insert.setObject(7, OffsetDateTime.ofInstant(now.minusSeconds(n % 86_400), ZoneOffset.UTC));
                        insert.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                        insert.setString(9, "{\"screen\":\"home\",\"sessionSeconds\":" + (n % 300) + "}");
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connections.get(worker).commit();
                }
            }, batchCount * BATCH);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /**
     * The statement the API itself runs (unnest arrays and a JSON array of properties, ON CONFLICT DO
     * NOTHING RETURNING; see IngestStatements), on the same
     * connections: how much of the gap between (1) and (2) is the database's duplicate check, not HTTP.
     */
    private static Run rawApiStatement(UUID orgId, List<Target> targets, int count) throws Exception {
        int batchCount = (count + BATCH - 1) / BATCH;
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Connection connection = connect(false);
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        Instant now = Instant.now();
        try {
            return concurrently(CLIENTS, batchCount, (worker, batchIndex) -> {
                Connection connection = connections.get(worker);
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO usage_event (org_id, event_id, relationship_id, officer_id, partner_id, type,
                                                 occurred_at, received_at, content_id, properties)
                        SELECT ?, e.event_id, e.relationship_id, e.officer_id, e.partner_id, e.type,
                               TIMESTAMPTZ 'epoch' + e.occurred_micros * INTERVAL '1 microsecond',
                               ?, e.content_id, NULLIF(p.properties, 'null'::jsonb)
                        FROM unnest(?, ?, ?, ?, ?, ?, ?)
                             WITH ORDINALITY AS e(event_id, relationship_id, officer_id, partner_id, type,
                                                  occurred_micros, content_id, n)
                        JOIN jsonb_array_elements(CAST(? AS jsonb)) WITH ORDINALITY AS p(properties, n) ON p.n = e.n
                        ORDER BY e.event_id
                        ON CONFLICT (org_id, event_id) DO NOTHING
                        RETURNING event_id
                        """)) {
                    UUID[] ids = new UUID[BATCH];
                    UUID[] relationships = new UUID[BATCH];
                    UUID[] officers = new UUID[BATCH];
                    UUID[] partners = new UUID[BATCH];
                    String[] types = new String[BATCH];
                    Long[] micros = new Long[BATCH];
                    StringBuilder properties = new StringBuilder("[");
                    for (int i = 0; i < BATCH; i++) {
                        int n = batchIndex * BATCH + i;
                        Target target = targets.get(n % targets.size());
                        ids[i] = UUID.randomUUID();
                        relationships[i] = target.relationshipId();
                        officers[i] = target.officerId();
                        partners[i] = target.partnerId();
                        types[i] = TYPES[n % TYPES.length];
                        micros[i] = now.minusSeconds(n % 86_400).toEpochMilli() * 1000;
                        properties.append(i == 0 ? "" : ",").append("{\"screen\":\"home\",\"sessionSeconds\":")
                                .append(n % 300).append('}');
                    }
                    insert.setObject(1, orgId);
                    insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    insert.setArray(3, connection.createArrayOf("uuid", ids));
                    insert.setArray(4, connection.createArrayOf("uuid", relationships));
                    insert.setArray(5, connection.createArrayOf("uuid", officers));
                    insert.setArray(6, connection.createArrayOf("uuid", partners));
                    insert.setArray(7, connection.createArrayOf("text", types));
                    insert.setArray(8, connection.createArrayOf("bigint", micros));
                    insert.setArray(9, connection.createArrayOf("uuid", new UUID[BATCH]));
                    insert.setString(10, properties.append(']').toString());
                    try (var rows = insert.executeQuery()) {
                        while (rows.next()) {
                            rows.getObject(1);
                        }
                    }
                    connection.commit();
                }
            }, batchCount * BATCH);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** Seeds fast, server-side, across the same relationships; then settles the table as a live one would be. */
    private static void seed(UUID orgId, int count) throws SQLException {
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO usage_event (org_id, event_id, relationship_id, officer_id, partner_id, type,
                                             occurred_at, received_at, properties)
                    SELECT r.org_id, gen_random_uuid(), r.relationship_id, r.officer_id, r.partner_id,
                           (ARRAY['app_opened','content_viewed','calculator_used','profile_viewed'])[1 + g %% 4],
                           now() - (g %% 500000) * interval '1 minute', now(),
                           jsonb_build_object('screen', 'home', 'sessionSeconds', g %% 300)
                    FROM generate_series(1, %d) AS g
                    JOIN (SELECT *, row_number() OVER (ORDER BY relationship_id) - 1 AS k
                          FROM relationship WHERE org_id = '%s') r
                      ON r.k = g %% (SELECT count(*) FROM relationship WHERE org_id = '%s')
                    """.formatted(count, orgId, orgId));
            statement.execute("VACUUM ANALYZE usage_event");
            statement.execute("CHECKPOINT");
        }
    }

    private static Connection connect(boolean rewriteBatches) throws SQLException {
        TestDatabases.Database db = SERVER.database();
        String url = db.url() + (rewriteBatches ? (db.url().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true" : "");
        return DriverManager.getConnection(url, db.user(), db.password());
    }

    @FunctionalInterface
    private interface BatchWork {
        void run(int worker, int batchIndex) throws Exception;
    }

    /** {@code workers} threads take batches from a shared counter; returns wall time and each batch's latency. */
    private static Run concurrently(int workers, int batchCount, BatchWork work, int events) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Future<List<Long>>> futures = new ArrayList<>();
        CpuMeter.Sample cpuBefore = cpu.now();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Callable<List<Long>> loop = () -> {
                List<Long> latencies = new ArrayList<>();
                for (int b = next.getAndIncrement(); b < batchCount; b = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    work.run(worker, b);
                    latencies.add(System.nanoTime() - t0);
                }
                return latencies;
            };
            futures.add(pool.submit(loop));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        long nanos = System.nanoTime() - start;
        CpuMeter.Used used = cpu.now().minus(cpuBefore);
        pool.shutdown();
        return new Run(events, nanos, all, used.jvmNanos(), used.jitNanos(), used.postgresNanos(), used.backgroundNanos());
    }
}
