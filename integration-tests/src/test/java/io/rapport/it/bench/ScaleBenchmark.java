package io.rapport.it.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestDatabases;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.Job;
import io.rapport.sdk.model.JobStatus;
import io.rapport.sdk.model.UsageEventInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Scale (issue 15, part 5): the ingest and ranked-read figures on an empty table, then again after
 * {@code bench.scaleEvents} events (default 10,000,000) are stored, side by side with the ratio of the two
 * ratios; the bytes per million events of usage_event and relationship_score; the peak resident memory of
 * the server's JVM (with its heap settings) and of PostgreSQL; the load average around every phase. It
 * prints figures and asserts nothing about time.
 *
 * <p>The organization has {@code bench.scaleOfficers} officers (100) with {@code bench.scalePartners}
 * partners each (500), so 50,000 relationships, created with plain SQL. The measured officer is the first:
 * the ranked list is its 500 partners (limit {@code bench.limit}, 50) against the trivial GET of the officer,
 * in alternating rounds as in ScoreBenchmark; ingest sends batches of 500 over 50 of its partners from
 * {@code bench.clients} (4) concurrent SDK clients against raw JDBC batched inserts of the same rows, in
 * alternating rounds as in IngestBenchmark ({@code bench.events}, default 100,000 per way and stage).
 *
 * <p>Warm-up ({@code bench.warmup}, 200,000 events each way, and twice {@code bench.reads} of each read) goes on
 * in rounds of the stage's shape until the JIT has settled: its compiler threads below {@code bench.settled}
 * (2%) of each way's CPU in two rounds running, at most {@code bench.warmRounds} (30) rounds; each round's JIT
 * share is printed. Then the warm-up's events are removed (TRUNCATE; the score rows stay), so the first stage
 * measures a truly empty usage_event with compiled code. Each stage's ingest prints what PostgreSQL did to
 * its buffer cache and WAL ({@link PostgresIo}, and per statement {@link StatementStats#writes}); the
 * server parameters in effect (shared_buffers above all) are printed at the start. The events are then
 * loaded with binary COPY ({@code bench.copyStreams}
 * connections, 2), in time order over the last two years, to uniformly drawn relationships, with the indexes
 * in place (they grow as a live table's do); the scores are brought in line by the server's own rescore job
 * through the SDK, and the database is vacuumed and analysed as autovacuum would have.
 *
 * <pre>
 * mvn -B verify -Pbench -pl integration-tests -am -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=ScaleBenchmark -Dbench.scaleEvents=10000000
 * </pre>
 *
 * The server runs inside the failsafe JVM (RapportServerExtension), together with the SDK clients and this
 * harness, so the JVM's peak RSS is an upper bound of the server's; the heap settings in effect are printed.
 */
class ScaleBenchmark {
    private static final int BATCH = 500;
    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 200_000);
    /** At most this many warm-up rounds of the stage's shape, until the JIT has settled. */
    private static final int WARM_ROUNDS = Integer.getInteger("bench.warmRounds", 30);
    /** Settled: in a round, the JIT's CPU is below this share of each way's CPU (JVM + PostgreSQL), twice running. */
    private static final double SETTLED = Double.parseDouble(System.getProperty("bench.settled", "0.02"));
    private static final int ROUNDS = 4;
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int INGEST_PARTNERS = Integer.getInteger("bench.partners", 50);
    private static final int READS = Integer.getInteger("bench.reads", 8_000);
    private static final int READ_THREADS = 4;
    private static final int READ_ROUNDS = 4;
    private static final int LIMIT = Integer.getInteger("bench.limit", 50);
    private static final int SCALE_EVENTS = Integer.getInteger("bench.scaleEvents", 10_000_000);
    private static final int OFFICERS = Integer.getInteger("bench.scaleOfficers", 100);
    private static final int PARTNERS_PER_OFFICER = Integer.getInteger("bench.scalePartners", 500);
    private static final int COPY_STREAMS = Integer.getInteger("bench.copyStreams", 2);
    private static final int COPY_CHUNK = 500_000;
    /** Two years less a margin: the API refuses events older than two years. */
    private static final long HISTORY_MICROS = Duration.ofDays(728).toNanos() / 1000;
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    /** IngestBenchmark's types, for the measured ingest. */
    private static final String[] INGEST_TYPES = {"app_opened", "content_viewed", "calculator_used", "profile_viewed"};
    /** The stored history: mostly app use, some reach-outs and touches, few meetings, feedback and referrals. */
    private static final Map<String, Integer> HISTORY_TYPES = Map.ofEntries(Map.entry("app_opened", 40),
            Map.entry("profile_viewed", 15), Map.entry("content_viewed", 14), Map.entry("calculator_used", 10),
            Map.entry("card_shared", 5), Map.entry("contact_tapped", 5), Map.entry("content_shared", 3),
            Map.entry("note_sent", 3), Map.entry("call_made", 2), Map.entry("meeting_logged", 1),
            Map.entry("feedback_given", 1), Map.entry("referral_sent", 1));

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension().with("logging.level", "ERROR");

    private static CpuMeter cpu;
    private static PostgresIo io;

    private record Pair(UUID relationshipId, UUID officerId, UUID partnerId) {
    }

    /** What one stage measured, and the table sizes after it. */
    private record Stage(String label, Measured ranked, Measured trivial, Measured api, Measured raw, Storage storage) {
    }

    @Test
    void scale() throws Exception {
        try (Connection connection = connect(false)) {
            cpu = CpuMeter.of(connection);
            System.out.printf("%n=== Rapport scale benchmark: %,d events to store, %d officers x %d partners ===%n",
                    SCALE_EVENTS, OFFICERS, PARTNERS_PER_OFFICER);
            System.out.printf("PostgreSQL data directory: %s%n", single(connection, "SHOW data_directory"));
            printPostgresSettings(connection);
        }
        StatementStats.install(SERVER.database());
        io = new PostgresIo(SERVER.database(), "usage_event");
        printJvmSettings();
        try (PostgresMemory postgresMemory = PostgresMemory.start(cpu)) {
            run(postgresMemory);
        }
    }

    private static void run(PostgresMemory postgresMemory) throws Exception {
        TestOrg org = SERVER.newOrg();
        long setupStart = System.nanoTime();
        List<Pair> pairs = createParties(org.orgId());
        System.out.printf("created %,d officers, %,d partners, %,d relationships with SQL in %.1f s%n", OFFICERS,
                OFFICERS * PARTNERS_PER_OFFICER, pairs.size(), (System.nanoTime() - setupStart) / 1e9);
        UUID officerId = pairs.get(0).officerId();
        List<Pair> officersPairs = pairs.stream().filter(p -> p.officerId().equals(officerId)).toList();
        List<Pair> ingestPairs = officersPairs.subList(0, Math.min(INGEST_PARTNERS, officersPairs.size()));
        List<RapportClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(SERVER.client(org.apiKey()));
        }

        // Warm-up: one batch scores every partner of the measured officer (its ranked list is then 500 long),
        // the rest compiles the ingest path; both ways then write to existing score rows.
        System.out.printf("warm-up: load average %s%n", Proc.loadAverage());
        api(clients, batches(events(officersPairs.size(), officersPairs)));
        api(clients, batches(events(WARMUP, ingestPairs)));
        raw(org.orgId(), ingestPairs, WARMUP);
        // the read paths compiled before the first stage too: in a first run the empty stage's reads were the
        // JVM's first, and a third of their JVM CPU was still the JIT (none at the loaded stage)
        read(2 * READS, rankedCall(clients.get(0)), officerId);
        read(2 * READS, trivialCall(clients.get(0)), officerId);
        warmUntilSettled(org, officerId, clients, ingestPairs);
        // the empty stage starts on an empty usage_event: the warm-up's events go, its score rows stay
        long warmEvents = count("usage_event");
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE usage_event");
        }
        System.out.printf("removed the warm-up's %,d events (TRUNCATE usage_event); the score rows stay%n", warmEvents);
        vacuumAnalyze();
        printMemory("after set-up and warm-up", postgresMemory);

        Stage empty = stage("empty table", org, officerId, clients, ingestPairs);
        printMemory("after the empty-table stage", postgresMemory);

        load(org.orgId(), pairs, SCALE_EVENTS);
        printMemory("after the load", postgresMemory);
        rescore(org);
        printMemory("after the rescore", postgresMemory);
        vacuumAnalyze();

        Stage full = stage(String.format("%,d stored", SCALE_EVENTS), org, officerId, clients, ingestPairs);
        printMemory("after the loaded stage (peaks of the whole run)", postgresMemory);

        compare(empty, full);
        printStorage(empty.storage(), full.storage());
        printMemory("at the end", postgresMemory);
        for (RapportClient client : clients) {
            client.close();
        }
    }

    // ---- the warm-up and the measured stage --------------------------------------------------------------

    /**
     * Rounds of the stage's shape (both reads, both ways of ingest) until the JIT has settled: a stage measured
     * while the JVM still compiles compares a baseline that is still getting cheaper (in one run the trivial
     * GET's CPU fell from 1.19 to 0.88 ms between the two stages). Settled means the compiler threads used less
     * than {@link #SETTLED} of each way's CPU in two rounds running; after {@link #WARM_ROUNDS} it goes on and
     * says that it had not settled.
     */
    private static void warmUntilSettled(TestOrg org, UUID officerId, List<RapportClient> clients, List<Pair> ingestPairs)
            throws Exception {
        Consumer<UUID> rankedCall = rankedCall(clients.get(0));
        Consumer<UUID> trivialCall = trivialCall(clients.get(0));
        int settledRounds = 0;
        int round = 0;
        while (settledRounds < 2 && round < WARM_ROUNDS) {
            round++;
            Measured ranked = read(READS / READ_ROUNDS, rankedCall, officerId);
            Measured trivial = read(READS / READ_ROUNDS, trivialCall, officerId);
            List<List<UsageEventInput>> batches = batches(events(EVENTS / ROUNDS, ingestPairs));
            Measured raw = raw(org.orgId(), ingestPairs, EVENTS / ROUNDS);
            Measured api = api(clients, batches);
            double worst = Math.max(Math.max(jitShare(ranked), jitShare(trivial)), Math.max(jitShare(raw), jitShare(api)));
            settledRounds = worst < SETTLED ? settledRounds + 1 : 0;
            System.out.printf("warm-up round %2d: JIT share of CPU ranked %4.1f%% trivial %4.1f%% raw %4.1f%% API %4.1f%%;"
                            + " CPU ms ranked %.3f trivial %.3f, per 1,000 events raw %.1f API %.1f; load average %s%n",
                    round, 100 * jitShare(ranked), 100 * jitShare(trivial), 100 * jitShare(raw), 100 * jitShare(api),
                    ranked.cpuMillis(true), trivial.cpuMillis(true), raw.cpuMillis(true) * 1000, api.cpuMillis(true) * 1000,
                    Proc.loadAverage());
        }
        System.out.printf("warm-up: %s after %d rounds (JIT below %.0f%% of each way's CPU in two rounds running)%n",
                settledRounds >= 2 ? "settled" : "NOT settled", round, 100 * SETTLED);
    }

    private static double jitShare(Measured measured) {
        return measured.jitNanos() / (double) (measured.jvmNanos() + Math.max(0, measured.postgresNanos()));
    }

    /** The ranked and trivial reads, then ingest through the API and raw, each in alternating rounds. */
    private static Stage stage(String label, TestOrg org, UUID officerId, List<RapportClient> clients,
                               List<Pair> ingestPairs) throws Exception {
        System.out.printf("%n--- stage: %s (%,d events in usage_event) ---%n", label, count("usage_event"));
        System.out.printf("reads begin:  load average %s%n", Proc.loadAverage());
        Consumer<UUID> rankedCall = rankedCall(clients.get(0));
        Consumer<UUID> trivialCall = trivialCall(clients.get(0));
        read(READS / 2, rankedCall, officerId);
        read(READS / 2, trivialCall, officerId);
        Measured ranked = Measured.NONE;
        Measured trivial = Measured.NONE;
        for (int round = 0; round < READ_ROUNDS; round++) {
            ranked = ranked.plus(read(READS / READ_ROUNDS, rankedCall, officerId));
            trivial = trivial.plus(read(READS / READ_ROUNDS, trivialCall, officerId));
        }
        System.out.printf("reads end:    load average %s%n", Proc.loadAverage());
        printReads(ranked, trivial);

        System.out.printf("ingest begin: load average %s%n", Proc.loadAverage());
        StatementStats.reset();
        Map<String, Long> ioBefore = io.snapshot();
        Measured raw = Measured.NONE;
        Measured api = Measured.NONE;
        for (int round = 0; round < ROUNDS; round++) {
            List<List<UsageEventInput>> batches = batches(events(EVENTS / ROUNDS, ingestPairs));
            raw = raw.plus(raw(org.orgId(), ingestPairs, EVENTS / ROUNDS));
            api = api.plus(api(clients, batches));
        }
        System.out.printf("ingest end:   load average %s%n", Proc.loadAverage());
        printIngest(raw, api);
        Thread.sleep(1_500); // PostgreSQL's backends flush their I/O statistics at most once a second
        System.out.print(PostgresIo.delta(ioBefore, io.snapshot(), raw.count() + api.count(), sharedBuffers()));
        System.out.print(StatementStats.writes(4));
        return new Stage(label, ranked, trivial, api, raw, Storage.measure());
    }

    private static Consumer<UUID> rankedCall(RapportClient client) {
        return id -> client.scores().rankedPartners(id, LIMIT, null, null, null, null, null);
    }

    private static Consumer<UUID> trivialCall(RapportClient client) {
        return id -> client.officers().get(id);
    }

    private static Measured read(int count, Consumer<UUID> call, UUID officerId) throws Exception {
        return Measured.concurrently(cpu, READ_THREADS, count, count, (worker, i) -> call.accept(officerId));
    }

    private static List<UsageEventInput> events(int count, List<Pair> pairs) {
        Instant now = Instant.now();
        List<UsageEventInput> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Pair pair = pairs.get(i % pairs.size());
            events.add(new UsageEventInput().eventId(UUID.randomUUID()).type(INGEST_TYPES[i % INGEST_TYPES.length])
                    .occurredAt(OffsetDateTime.ofInstant(now.minusSeconds(i % 86_400), ZoneOffset.UTC))
                    .officerId(pair.officerId()).partnerId(pair.partnerId())
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

    private static Measured api(List<RapportClient> clients, List<List<UsageEventInput>> batches) throws Exception {
        int events = batches.stream().mapToInt(List::size).sum();
        return Measured.concurrently(cpu, clients.size(), batches.size(), events, (worker, b) -> {
            EventBatchResult result = clients.get(worker).events().send(batches.get(b));
            if (result.getAccepted() != batches.get(b).size()) {
                throw new IllegalStateException("Batch not fully accepted: " + result);
            }
        });
    }

    /** The same rows as IngestBenchmark's raw way: plain JDBC batches, multi-row rewritten, one connection a client. */
    private static Measured raw(UUID orgId, List<Pair> pairs, int count) throws Exception {
        int batchCount = (count + BATCH - 1) / BATCH;
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Connection connection = connect(true);
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        Instant now = Instant.now();
        try {
            return Measured.concurrently(cpu, CLIENTS, batchCount, batchCount * BATCH, (worker, batchIndex) -> {
                Connection connection = connections.get(worker);
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO usage_event (org_id, event_id, relationship_id, officer_id, partner_id, type,
                                                 occurred_at, received_at, content_id, properties)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, CAST(? AS jsonb))
                        """)) {
                    for (int i = 0; i < BATCH; i++) {
                        int n = batchIndex * BATCH + i;
                        Pair pair = pairs.get(n % pairs.size());
                        insert.setObject(1, orgId);
                        insert.setObject(2, UUID.randomUUID());
                        insert.setObject(3, pair.relationshipId());
                        insert.setObject(4, pair.officerId());
                        insert.setObject(5, pair.partnerId());
                        insert.setString(6, INGEST_TYPES[n % INGEST_TYPES.length]);
                        insert.setObject(7, OffsetDateTime.ofInstant(now.minusSeconds(n % 86_400), ZoneOffset.UTC));
                        insert.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                        insert.setString(9, "{\"screen\":\"home\",\"sessionSeconds\":" + (n % 300) + "}");
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static void printReads(Measured ranked, Measured trivial) {
        System.out.printf("ranked list (%d partners, limit %d): %,8.0f req/s  p99 %6.2f ms (%d threads, %,d reads in %d rounds)%n",
                PARTNERS_PER_OFFICER, LIMIT, ranked.perSecond(), ranked.percentileMillis(0.99), READ_THREADS,
                ranked.count(), READ_ROUNDS);
        System.out.printf("trivial GET /v1/officers/{id}        : %,8.0f req/s  p99 %6.2f ms%n", trivial.perSecond(),
                trivial.percentileMillis(0.99));
        System.out.printf("ratio ranked / trivial               : %8.2f%n", ranked.perSecond() / trivial.perSecond());
        System.out.printf("CPU ms per request, JVM + PostgreSQL : ranked %.3f + %.3f, trivial %.3f + %.3f"
                        + " (of the JVM's, JIT: %.3f and %.3f)%n", ranked.jvmMillis(), ranked.postgresMillis(),
                trivial.jvmMillis(), trivial.postgresMillis(), ranked.jitMillis(), trivial.jitMillis());
        System.out.printf("CPU-cost ratio trivial / ranked      : %8.2f (JIT left out: %.2f)%n",
                trivial.cpuMillis(true) / ranked.cpuMillis(true), trivial.cpuMillis(false) / ranked.cpuMillis(false));
    }

    private static void printIngest(Measured raw, Measured api) {
        System.out.printf("raw JDBC batched insert : %,9.0f events/s  batch p50 %6.1f ms  p99 %6.1f ms%n",
                raw.perSecond(), raw.percentileMillis(0.50), raw.percentileMillis(0.99));
        System.out.printf("API over HTTP via SDK   : %,9.0f events/s  batch p50 %6.1f ms  p99 %6.1f ms%n",
                api.perSecond(), api.percentileMillis(0.50), api.percentileMillis(0.99));
        System.out.printf("ratio API / raw         : %9.2f%n", api.perSecond() / raw.perSecond());
        System.out.printf("CPU ms per 1,000 events : raw %.1f JVM + %.1f PostgreSQL, API %.1f JVM + %.1f PostgreSQL"
                        + " (of the JVM's, JIT: %.1f and %.1f)%n", raw.jvmMillis() * 1000, raw.postgresMillis() * 1000,
                api.jvmMillis() * 1000, api.postgresMillis() * 1000, raw.jitMillis() * 1000, api.jitMillis() * 1000);
        System.out.printf("  of PostgreSQL's, background processes (WAL writer, checkpointer, autovacuum...): both ways"
                + " together %.1f per 1,000 events%n", (raw.backgroundNanos() + api.backgroundNanos()) / 1e3
                / (raw.count() + api.count()));
        System.out.printf("CPU-cost ratio raw / API: %9.2f (JIT left out: %.2f)%n",
                raw.cpuMillis(true) / api.cpuMillis(true), raw.cpuMillis(false) / api.cpuMillis(false));
    }

    /** Both stages side by side; the last column is loaded / empty (for a ratio, the ratio of ratios). */
    private static void compare(Stage empty, Stage full) {
        System.out.printf("%n=== empty table against %s (last column: loaded / empty; the issue wants ratios within"
                + " 0.90-1.10) ===%n", full.label());
        String format = "%-52s %12s %12s %9s%n";
        System.out.printf(format, "figure", "empty", full.label(), "ratio");
        row(format, "ingest API via SDK, events/s", empty.api().perSecond(), full.api().perSecond(), "%,.0f");
        row(format, "ingest raw JDBC, events/s", empty.raw().perSecond(), full.raw().perSecond(), "%,.0f");
        row(format, "ingest ratio API / raw", ingestRatio(empty), ingestRatio(full), "%.2f");
        row(format, "ingest CPU-cost ratio raw / API", empty.raw().cpuMillis(true) / empty.api().cpuMillis(true),
                full.raw().cpuMillis(true) / full.api().cpuMillis(true), "%.2f");
        row(format, "  same, JIT left out", empty.raw().cpuMillis(false) / empty.api().cpuMillis(false),
                full.raw().cpuMillis(false) / full.api().cpuMillis(false), "%.2f");
        row(format, "ingest API CPU ms per 1,000 events (JVM + PG)", empty.api().cpuMillis(true) * 1000,
                full.api().cpuMillis(true) * 1000, "%.1f");
        row(format, "  of which PostgreSQL", empty.api().postgresMillis() * 1000, full.api().postgresMillis() * 1000, "%.1f");
        row(format, "ingest raw CPU ms per 1,000 events (JVM + PG)", empty.raw().cpuMillis(true) * 1000,
                full.raw().cpuMillis(true) * 1000, "%.1f");
        row(format, "ingest API batch p99 ms", empty.api().percentileMillis(0.99), full.api().percentileMillis(0.99), "%.1f");
        row(format, "ranked list, req/s", empty.ranked().perSecond(), full.ranked().perSecond(), "%,.0f");
        row(format, "trivial GET, req/s", empty.trivial().perSecond(), full.trivial().perSecond(), "%,.0f");
        row(format, "read ratio ranked / trivial", readRatio(empty), readRatio(full), "%.2f");
        row(format, "read CPU-cost ratio trivial / ranked", empty.trivial().cpuMillis(true) / empty.ranked().cpuMillis(true),
                full.trivial().cpuMillis(true) / full.ranked().cpuMillis(true), "%.2f");
        row(format, "  same, JIT left out", empty.trivial().cpuMillis(false) / empty.ranked().cpuMillis(false),
                full.trivial().cpuMillis(false) / full.ranked().cpuMillis(false), "%.2f");
        row(format, "ranked CPU ms per request (JVM + PG)", empty.ranked().cpuMillis(true), full.ranked().cpuMillis(true), "%.3f");
        row(format, "  of which PostgreSQL", empty.ranked().postgresMillis(), full.ranked().postgresMillis(), "%.3f");
        row(format, "ranked p99 ms", empty.ranked().percentileMillis(0.99), full.ranked().percentileMillis(0.99), "%.2f");
    }

    private static double ingestRatio(Stage stage) {
        return stage.api().perSecond() / stage.raw().perSecond();
    }

    private static double readRatio(Stage stage) {
        return stage.ranked().perSecond() / stage.trivial().perSecond();
    }

    private static void row(String format, String figure, double empty, double full, String valueFormat) {
        System.out.printf(format, figure, String.format(valueFormat, empty), String.format(valueFormat, full),
                String.format("%.2f", full / empty));
    }

    // ---- set-up, load, rescore -------------------------------------------------------------------------

    /** Officers, partners (each officer its own) and the relationships, with SQL; ordered by officer, partner. */
    private static List<Pair> createParties(UUID orgId) throws SQLException {
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO officer (org_id, officer_id, display_name, created_at, updated_at)
                    SELECT '%s', gen_random_uuid(), 'Officer ' || g, now(), now() FROM generate_series(1, %d) g
                    """.formatted(orgId, OFFICERS));
            statement.execute("""
                    INSERT INTO partner (org_id, partner_id, name, type, created_at, updated_at)
                    SELECT '%s', gen_random_uuid(), 'Partner ' || g, 'realtor', now(), now()
                    FROM generate_series(1, %d) g
                    """.formatted(orgId, OFFICERS * PARTNERS_PER_OFFICER));
            statement.execute("""
                    INSERT INTO relationship (org_id, relationship_id, officer_id, partner_id, created_at)
                    SELECT o.org_id, gen_random_uuid(), o.officer_id, p.partner_id, now() - interval '2 years'
                    FROM (SELECT org_id, officer_id, row_number() OVER (ORDER BY officer_id) - 1 AS k
                          FROM officer WHERE org_id = '%1$s') o
                    JOIN (SELECT partner_id, row_number() OVER (ORDER BY partner_id) - 1 AS n
                          FROM partner WHERE org_id = '%1$s') p ON p.n / %2$d = o.k
                    """.formatted(orgId, PARTNERS_PER_OFFICER));
            List<Pair> pairs = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    SELECT relationship_id, officer_id, partner_id FROM relationship WHERE org_id = '%s'
                    ORDER BY officer_id, partner_id
                    """.formatted(orgId))) {
                while (rows.next()) {
                    pairs.add(new Pair(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getObject(3, UUID.class)));
                }
            }
            return pairs;
        }
    }

    /**
     * {@code count} events with binary COPY: in time order over the last two years (chunks of
     * {@link #COPY_CHUNK} taken in order by {@link #COPY_STREAMS} connections), each to a uniformly drawn
     * relationship, a type drawn by {@link #HISTORY_TYPES}, received within a minute of occurring.
     */
    private static void load(UUID orgId, List<Pair> pairs, int count) throws Exception {
        System.out.printf("%n--- loading %,d events with COPY (binary, %d streams, indexes in place) ---%n", count,
                COPY_STREAMS);
        System.out.printf("load begin:   load average %s%n", Proc.loadAverage());
        long nowMicros = Instant.now().truncatedTo(ChronoUnit.MICROS).toEpochMilli() * 1000;
        int chunks = (count + COPY_CHUNK - 1) / COPY_CHUNK;
        // the connections outlive the measurement: CpuMeter loses the CPU of a backend that exits in between
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < COPY_STREAMS; i++) {
            connections.add(connect(false));
        }
        Measured loaded;
        try {
            loaded = Measured.concurrently(cpu, COPY_STREAMS, chunks, count, (worker, chunk) ->
                    copyChunk(connections.get(worker), orgId, pairs, chunk, (long) chunk * COPY_CHUNK,
                            Math.min(count, (long) (chunk + 1) * COPY_CHUNK), count, nowMicros));
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
        System.out.printf("load end:     load average %s%n", Proc.loadAverage());
        System.out.printf("loaded %,d events in %.1f s: %,.0f events/s; CPU ms per 1,000 events: %.1f JVM + %.1f PostgreSQL%n",
                count, loaded.nanos() / 1e9, loaded.perSecond(), loaded.jvmMillis() * 1000, loaded.postgresMillis() * 1000);
    }

    private static void copyChunk(Connection connection, UUID orgId, List<Pair> pairs, int chunk, long from, long to,
                                  int count, long nowMicros) throws SQLException, IOException {
        SplittableRandom random = new SplittableRandom(chunk);
        String[] types = HISTORY_TYPES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> Collections.nCopies(e.getValue(), e.getKey()).stream()).toArray(String[]::new);
        byte[][] typeBytes = new byte[types.length][];
        for (int i = 0; i < types.length; i++) {
            typeBytes[i] = types[i].getBytes(StandardCharsets.UTF_8);
        }
        byte[][] properties = new byte[300][];
        for (int i = 0; i < properties.length; i++) {
            properties[i] = ("{\"screen\": \"home\", \"sessionSeconds\": " + i + "}").getBytes(StandardCharsets.UTF_8);
        }
        long startMicros = nowMicros - HISTORY_MICROS;
        try (DataOutputStream out = new DataOutputStream(new PGCopyOutputStream(connection.unwrap(PGConnection.class), """
                     COPY usage_event (org_id, event_id, relationship_id, officer_id, partner_id, type, occurred_at,
                                       received_at, properties) FROM STDIN (FORMAT binary)
                     """, 1 << 20))) {
            out.writeBytes("PGCOPY\n");
            out.write(new byte[] {(byte) 0xff, '\r', '\n', 0});
            out.writeInt(0); // flags
            out.writeInt(0); // header extension length
            for (long k = from; k < to; k++) {
                Pair pair = pairs.get(random.nextInt(pairs.size()));
                long occurred = Math.min(nowMicros - 1_000_000, startMicros + HISTORY_MICROS / count * k
                        + random.nextLong(60_000_000));
                long received = Math.min(nowMicros, occurred + random.nextLong(60_000_000));
                out.writeShort(9);
                uuid(out, orgId.getMostSignificantBits(), orgId.getLeastSignificantBits());
                uuid(out, (random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE);
                uuid(out, pair.relationshipId().getMostSignificantBits(), pair.relationshipId().getLeastSignificantBits());
                uuid(out, pair.officerId().getMostSignificantBits(), pair.officerId().getLeastSignificantBits());
                uuid(out, pair.partnerId().getMostSignificantBits(), pair.partnerId().getLeastSignificantBits());
                byte[] type = typeBytes[random.nextInt(typeBytes.length)];
                out.writeInt(type.length);
                out.write(type);
                out.writeInt(8);
                out.writeLong(occurred - POSTGRES_EPOCH_MICROS);
                out.writeInt(8);
                out.writeLong(received - POSTGRES_EPOCH_MICROS);
                byte[] json = properties[(int) (k % properties.length)];
                out.writeInt(json.length + 1);
                out.writeByte(1); // jsonb's binary format: a version byte, then the text
                out.write(json);
            }
            out.writeShort(-1);
        }
    }

    private static void uuid(DataOutputStream out, long most, long least) throws IOException {
        out.writeInt(16);
        out.writeLong(most);
        out.writeLong(least);
    }

    /** The server's own rescore job through the SDK; its times are the job's (server clock). */
    private static void rescore(TestOrg org) throws Exception {
        System.out.printf("%n--- rescore through the SDK ---%n");
        System.out.printf("rescore begin: load average %s%n", Proc.loadAverage());
        CpuMeter.Sample before = cpu.now();
        long start = System.nanoTime();
        Job job = org.client().scores().awaitJob(org.client().scores().rescore().getId(), Duration.ofHours(3));
        long wall = System.nanoTime() - start;
        CpuMeter.Used used = cpu.now().minus(before);
        System.out.printf("rescore end:   load average %s%n", Proc.loadAverage());
        if (job.getStatus() != JobStatus.SUCCEEDED) {
            throw new IllegalStateException("Rescore did not succeed: " + job);
        }
        double seconds = Duration.between(job.getStartedAt(), job.getFinishedAt()).toNanos() / 1e9;
        System.out.printf("rescore: %,d events, %,d relationships in %.1f s (job's own times; %.1f s until the SDK saw it):"
                        + " %,.0f events/s; CPU ms per 1,000 events: %.2f JVM + %.2f PostgreSQL%n", job.getEvents(),
                job.getRelationships(), seconds, wall / 1e9, job.getEvents() / seconds,
                used.jvmNanos() / 1e6 / (job.getEvents() / 1000.0),
                used.postgresNanos() < 0 ? Double.NaN : used.postgresNanos() / 1e6 / (job.getEvents() / 1000.0));
    }

    /** What autovacuum does on a live system: statistics for the planner, dead score-row versions reclaimed. */
    private static void vacuumAnalyze() throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
            statement.execute("CHECKPOINT");
        }
        System.out.printf("VACUUM ANALYZE + CHECKPOINT in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    // ---- sizes and memory ------------------------------------------------------------------------------

    /** Sizes in bytes of the two tables that grow with use, and of each of their indexes. */
    private record Storage(long events, long scoreRows, Map<String, long[]> tables, Map<String, Long> indexes) {
        static Storage measure() throws SQLException {
            Map<String, long[]> tables = new java.util.LinkedHashMap<>();
            Map<String, Long> indexes = new java.util.LinkedHashMap<>();
            try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("""
                        SELECT relname, pg_table_size(oid), pg_indexes_size(oid), pg_total_relation_size(oid)
                        FROM pg_class WHERE relkind = 'r' AND relname IN ('usage_event', 'relationship_score')
                        ORDER BY relname DESC
                        """)) {
                    while (rows.next()) {
                        tables.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)});
                    }
                }
                try (ResultSet rows = statement.executeQuery("""
                        SELECT i.indexrelid::regclass::text, pg_relation_size(i.indexrelid)
                        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                        WHERE t.relname IN ('usage_event', 'relationship_score')
                        ORDER BY t.relname DESC, 1
                        """)) {
                    while (rows.next()) {
                        indexes.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return new Storage(count("usage_event"), count("relationship_score"), tables, indexes);
        }
    }

    private static void printStorage(Storage empty, Storage full) {
        System.out.printf("%n=== sizes (MB; per 1M events = MB per million rows of usage_event) ===%n");
        System.out.printf("usage_event rows: %,d then %,d; relationship_score rows: %,d then %,d%n", empty.events(),
                full.events(), empty.scoreRows(), full.scoreRows());
        String format = "%-46s %10s %12s %10s %12s%n";
        System.out.printf(format, "relation", "empty MB", "per 1M ev.", "loaded MB", "per 1M ev.");
        for (Map.Entry<String, long[]> table : full.tables().entrySet()) {
            long[] before = empty.tables().get(table.getKey());
            String[] parts = {"table (pg_table_size)", "indexes (pg_indexes_size)", "total (pg_total_relation_size)"};
            for (int i = 0; i < parts.length; i++) {
                sizeRow(format, table.getKey() + " " + parts[i], before[i], table.getValue()[i], empty, full);
            }
        }
        for (Map.Entry<String, Long> index : full.indexes().entrySet()) {
            sizeRow(format, "  index " + index.getKey(), empty.indexes().getOrDefault(index.getKey(), 0L), index.getValue(),
                    empty, full);
        }
        long[] scores = full.tables().get("relationship_score");
        if (scores != null && full.scoreRows() > 0) {
            System.out.printf("relationship_score grows with relationships, not events: %,d bytes per score row in all%n",
                    scores[2] / full.scoreRows());
        }
    }

    private static void sizeRow(String format, String name, long emptyBytes, long fullBytes, Storage empty, Storage full) {
        System.out.printf(format, name, mb(emptyBytes), mb(emptyBytes * 1e6 / empty.events()), mb(fullBytes),
                mb(fullBytes * 1e6 / full.events()));
    }

    private static String mb(double bytes) {
        return String.format("%,.1f", bytes / (1024 * 1024));
    }

    /** The server parameters that decide what inserts into large indexes cost. */
    private static void printPostgresSettings(Connection connection) throws SQLException {
        StringBuilder out = new StringBuilder("PostgreSQL settings:");
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT name, current_setting(name), '', source FROM pg_settings
                WHERE name IN ('shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'full_page_writes', 'fsync',
                               'synchronous_commit', 'wal_compression', 'autovacuum', 'effective_cache_size')
                ORDER BY name
                """)) {
            while (rows.next()) {
                out.append(String.format(" %s=%s%s (%s);", rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4)));
            }
        }
        System.out.println(out);
    }

    private static String sharedBuffers() {
        try (Connection connection = connect(false)) {
            return single(connection, "SHOW shared_buffers");
        } catch (SQLException e) {
            return "unknown";
        }
    }

    private static void printJvmSettings() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        var maxHeap = hotspot.getVMOption("MaxHeapSize");
        var initialHeap = hotspot.getVMOption("InitialHeapSize");
        long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        System.out.printf("JVM (failsafe's fork: server, SDK clients and this harness in one process): %s %s%n",
                runtime.getVmName(), runtime.getVmVersion());
        System.out.printf("  arguments: %s%n", runtime.getInputArguments().stream()
                .filter(a -> !a.startsWith("-D")).collect(Collectors.joining(" ")));
        System.out.printf("  MaxHeapSize %,d MB (%s), InitialHeapSize %,d MB (%s), Runtime.maxMemory %,d MB,"
                        + " GC %s; %d CPUs, %,d MB physical memory%n",
                Long.parseLong(maxHeap.getValue()) >> 20, maxHeap.getOrigin(), Long.parseLong(initialHeap.getValue()) >> 20,
                initialHeap.getOrigin(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).collect(Collectors.joining(", ")),
                Runtime.getRuntime().availableProcessors(), physical >> 20);
    }

    private static void printMemory(String when, PostgresMemory postgresMemory) {
        Proc.Memory jvm = Proc.Memory.self();
        long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long heapCommitted = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        PostgresMemory.Peaks postgres = postgresMemory.peaks();
        System.out.printf("memory %s: JVM peak RSS (VmHWM) %,d MB, RSS now %,d MB, heap committed %,d MB, heap pools' peaks"
                        + " summed %,d MB; PostgreSQL peak %,d MB (private summed + shared once, %d processes), RSS summed"
                        + " %,d MB, largest process %,d MB; load average %s%n", when, jvm.peakKb() >> 10, jvm.rssKb() >> 10,
                heapCommitted >> 20, heapPeak >> 20, postgres.footprintKb() >> 10, postgres.processesAtPeak(),
                postgres.rssSumKb() >> 10, postgres.largestProcessKb() >> 10, Proc.loadAverage());
    }

    // ---- JDBC --------------------------------------------------------------------------------------------

    private static long count(String table) throws SQLException {
        try (Connection connection = connect(false)) {
            return Long.parseLong(single(connection, "SELECT count(*) FROM " + table));
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection connect(boolean rewriteBatches) throws SQLException {
        TestDatabases.Database db = SERVER.database();
        String url = db.url() + (rewriteBatches ? (db.url().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true" : "");
        return DriverManager.getConnection(url, db.user(), db.password());
    }
}
