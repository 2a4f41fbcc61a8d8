package io.rapport.it.bench;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anEvent;
import static io.rapport.it.support.Fixtures.anOfficer;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestDatabases;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Job;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.PartnerSort;
import io.rapport.sdk.model.UsageEventInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scoring costs, printed, never asserted: ranked-list reads per second and p99 beside a trivial read on the
 * same server in the same run, for officers of each size in {@code bench.partners}; ingest with scoring against
 * a raw JDBC insert of the same rows (500 partners); and the rescore rate over {@code bench.rescoreEvents}
 * events. Run with {@code mvn -B -q verify -Pbench -pl integration-tests -am -Dit.test=ScoreBenchmark
 * -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false}; sizes from {@code bench.partners} (officer sizes
 * read, default {@code 500,5000,50000}), {@code bench.events} (default 100,000), {@code bench.reads} (default
 * 8,000 of each read per size, measured in 4 alternating rounds after as many warm-up reads),
 * {@code bench.rescoreEvents} (default 1,000,000), {@code bench.limit} (ranked page size, 50) and
 * {@code bench.changeReads} (reads of {@code sort=change7d} per size, default 2,000);
 * {@code bench.vacuum=false} reads without the VACUUM ANALYZE before each size's reads; {@code bench.jfr=<dir>}
 * records the measured ranked and trivial rounds of each size with JFR ({@code <dir>/reads-<size>.jfr}; the
 * recording's own cost then falls on the CPU figures, so leave it off when measuring).
 *
 * <p>The 500-partner officer is the ingest measurement's; another size gets its own organization, partners
 * inserted with JDBC (the API creates them one at a time) and then events through the API: one for each
 * partner, so every relationship has a score row, and {@code bench.events} more at random.
 */
class ScoreBenchmark {
    private static final int PARTNERS = 500;
    private static final List<Integer> SIZES = Arrays.stream(System.getProperty("bench.partners", "500,5000,50000")
            .split(",")).map(String::trim).map(Integer::valueOf).toList();
    private static final boolean VACUUM = Boolean.parseBoolean(System.getProperty("bench.vacuum", "true"));
    private static final int BATCH = 500;
    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    private static final int READS = Integer.getInteger("bench.reads", 8_000);
    private static final int READ_THREADS = 4;
    private static final int READ_ROUNDS = 4;
    private static final int CHANGE_READS = Integer.getInteger("bench.changeReads", 2_000);
    private static final int LIMIT = Integer.getInteger("bench.limit", 50);
    private static final int RESCORE_EVENTS = Integer.getInteger("bench.rescoreEvents", 1_000_000);
    private static final String[] TYPES = {"app_opened", "profile_viewed", "content_viewed", "calculator_used",
            "card_shared", "contact_tapped", "meeting_logged", "feedback_given", "referral_sent"};

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension()
            .with("logging.level", "ERROR");
    private static CpuMeter cpu;

    @Test
    void scoringThroughput() throws Exception {
        TestDatabases.Database db = SERVER.database();
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            cpu = CpuMeter.of(connection);
        }
        StatementStats.install(db);
        TestOrg org = SERVER.newOrg();
        RapportClient client = client(org);
        Officer officer = anOfficer().create(client);
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            partners.add(aPartner().create(client).getId());
        }
        Random random = new Random(1);
        ingest(client, officer, partners, random, EVENTS / 10); // warm-up, and every relationship exists
        double scored = ingest(client, officer, partners, random, EVENTS);
        double raw = rawInsert(org.orgId(), EVENTS, random);

        List<String> report = new ArrayList<>();
        for (int size : SIZES) {
            report.add(size == PARTNERS ? readAt(size, client, officer) : readAt(size, random));
            System.out.print(report.get(report.size() - 1)); // as it comes too: a long run can be cut short
        }

        long existing = EVENTS / 10 + 2L * EVENTS;
        if (RESCORE_EVENTS > existing) {
            rawInsert(org.orgId(), (int) (RESCORE_EVENTS - existing), random);
        }
        Job job = client.scores().awaitJob(client.scores().rescore().getId(), Duration.ofHours(1));
        // the job's own times (server clock): polling for the outcome would add up to a second
        double rescoreSeconds = Duration.between(job.getStartedAt(), job.getFinishedAt()).toNanos() / 1e9;

        System.out.printf("%n=== Rapport scoring benchmark ===%n");
        report.forEach(System.out::print);
        System.out.printf("ingest with scoring (batches of %d) : %,10.0f events/s (%,d events)%n", BATCH, scored, EVENTS);
        System.out.printf("raw JDBC batched insert (%d)        : %,10.0f events/s (same shape, same run)%n", BATCH, raw);
        System.out.printf("ratio scored ingest / raw            : %10.2f%n", scored / raw);
        System.out.printf("rescore                              : %,10.0f events/s (%,d events, %d relationships, %.1f s)%n",
                job.getEvents() / rescoreSeconds, job.getEvents(), job.getRelationships(), rescoreSeconds);
    }

    private static RapportClient client(TestOrg org) {
        return RapportClient.builder().baseUrl(SERVER.baseUrl()).apiKey(org.apiKey())
                .readTimeout(Duration.ofMinutes(30)).build();
    }

    /** An officer with {@code size} partners in an organization of its own, each partner with a score row. */
    private static String readAt(int size, Random random) throws Exception {
        TestOrg org = SERVER.newOrg();
        RapportClient client = client(org);
        Officer officer = anOfficer().create(client);
        List<UUID> partners = insertPartners(org.orgId(), size);
        ingest(client, officer, partners, null, size); // one event each: every relationship has a score row
        ingest(client, officer, partners, random, EVENTS);
        return readAt(size, client, officer);
    }

    /** Ranked, trivial and change7d reads of one officer's list, as printed lines. */
    private static String readAt(int size, RapportClient client, Officer officer) throws Exception {
        // what autovacuum does on a running system: without statistics the planner guesses one row per table,
        // and every ingest batch left a dead version of each score row it wrote (rank_key is indexed, so
        // those updates cannot be HOT) that autovacuum would have reclaimed by now
        if (VACUUM) {
            TestDatabases.execute(SERVER.database(), "VACUUM ANALYZE");
        }
        String loadBefore = loadAverage();
        Consumer<UUID> rankedCall = id -> client.scores().rankedPartners(id, LIMIT, null, null, null, null, null);
        Consumer<UUID> trivialCall = id -> client.officers().get(id);
        // both paths warmed alike, then measured in alternating rounds, so that neither is measured while
        // the JIT still compiles it and load from elsewhere on the machine falls on both alike
        read(READS / 2, rankedCall, officer);
        read(READS / 2, trivialCall, officer);
        StatementStats.reset();
        Reads ranked = Reads.NONE;
        Reads trivial = Reads.NONE;
        try (Profiling ignored = Profiling.start("reads-" + size)) {
            for (int round = 0; round < READ_ROUNDS; round++) {
                ranked = ranked.plus(read(READS / READ_ROUNDS, rankedCall, officer));
                trivial = trivial.plus(read(READS / READ_ROUNDS, trivialCall, officer));
            }
        }
        String statements = StatementStats.top(4);
        // sort=change7d is an index scan like the score sort since issue 15: as many reads, warmed alike
        // (-Dbench.changeReads=4 for code before it, which read every row of the officer and its week of events)
        Consumer<UUID> changeCall = id -> client.scores().rankedPartners(id, LIMIT, null, null, null, null, null,
                PartnerSort.CHANGE7D);
        read(Math.max(READ_THREADS, CHANGE_READS / 4), changeCall, officer);
        Reads byChange = read(Math.max(READ_THREADS, CHANGE_READS), changeCall, officer);
        String loadAfter = loadAverage();

        StringBuilder out = new StringBuilder();
        out.append(String.format("--- officer with %,d partners (load average %s at start, %s at end%s) ---%n", size,
                loadBefore, loadAfter, VACUUM ? "" : ", no VACUUM ANALYZE before the reads"));
        out.append(String.format("ranked list (%,d partners, limit %d): %,10.0f req/s  p99 %6.2f ms (%d threads, %,d reads in %d rounds)%n",
                size, LIMIT, ranked.perSecond(), ranked.p99Millis(), READ_THREADS, READS, READ_ROUNDS));
        out.append(String.format("trivial GET /v1/officers/{id}       : %,10.0f req/s  p99 %6.2f ms%n", trivial.perSecond(),
                trivial.p99Millis()));
        out.append(String.format("ratio ranked / trivial               : %10.2f%n", ranked.perSecond() / trivial.perSecond()));
        // CPU per request does not depend on what else runs on the machine, throughput does
        out.append(String.format("CPU ms per request, JVM + PostgreSQL : ranked %.3f + %.3f, trivial %.3f + %.3f"
                        + " (of the JVM's, JIT: %.3f and %.3f; of PostgreSQL's, background processes: %.3f and %.3f)%n",
                ranked.jvmMillis(), ranked.postgresMillis(), trivial.jvmMillis(), trivial.postgresMillis(),
                ranked.jitMillis(), trivial.jitMillis(), ranked.backgroundMillis(), trivial.backgroundMillis()));
        out.append(String.format("CPU-cost ratio trivial / ranked      : %10.2f%n", (trivial.jvmMillis() + trivial.postgresMillis())
                / (ranked.jvmMillis() + ranked.postgresMillis())));
        out.append(String.format("same, JIT left out                   : %10.2f%n",
                (trivial.jvmMillis() - trivial.jitMillis() + trivial.postgresMillis())
                        / (ranked.jvmMillis() - ranked.jitMillis() + ranked.postgresMillis())));
        out.append(statements);
        out.append(String.format("ranked by change7d (%,d partners)    : %,10.0f req/s  p99 %6.2f ms (%d reads);"
                        + " CPU ms per request %.3f + %.3f; change sort against score sort: %.2f by req/s, %.2f by CPU"
                        + " (0.5 is within 2x)%n", size,
                byChange.perSecond(), byChange.p99Millis(), byChange.count(), byChange.jvmMillis(),
                byChange.postgresMillis(), byChange.perSecond() / ranked.perSecond(),
                (ranked.jvmMillis() + ranked.postgresMillis()) / (byChange.jvmMillis() + byChange.postgresMillis())));
        return out.toString();
    }

    /** /proc/loadavg's three averages. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** {@code count} partners of the organization, inserted in JDBC batches. */
    private static List<UUID> insertPartners(UUID orgId, int count) throws Exception {
        TestDatabases.Database db = SERVER.database();
        List<UUID> ids = new ArrayList<>(count);
        try (Connection connection = DriverManager.getConnection(db.url() + (db.url().contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true", db.user(), db.password());
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO partner (org_id, partner_id, name, type, created_at, updated_at)
                     VALUES (?, ?, ?, 'realtor', now(), now())
                     """)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                insert.setObject(1, orgId);
                insert.setObject(2, id);
                insert.setString(3, "Bench partner " + i);
                insert.addBatch();
                if ((i + 1) % 1_000 == 0 || i == count - 1) {
                    insert.executeBatch();
                }
            }
            connection.commit();
        }
        return ids;
    }

    /** {@code count} events over the partners: at random, or with a null {@code random} one for each in turn. */
    private static double ingest(RapportClient client, Officer officer, List<UUID> partners, Random random, int count) {
        Instant now = Instant.now();
        long start = System.nanoTime();
        for (int sent = 0; sent < count; sent += BATCH) {
            List<UsageEventInput> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < Math.min(BATCH, count - sent); i++) {
                UUID partner = random == null ? partners.get((sent + i) % partners.size())
                        : partners.get(random.nextInt(partners.size()));
                Random draw = random == null ? new Random(sent + i) : random;
                batch.add(anEvent(now.minusSeconds(draw.nextInt(60 * 86_400))).type(TYPES[draw.nextInt(TYPES.length)])
                        .officerId(officer.getId()).partnerId(partner).input());
            }
            int accepted = client.events().send(batch).getAccepted();
            if (accepted != batch.size()) {
                throw new IllegalStateException("accepted " + accepted + " of " + batch.size());
            }
        }
        return count * 1e9 / (System.nanoTime() - start);
    }

    /** Rows like the ingested ones, spread over the org's relationships, with plain JDBC batches. */
    private static double rawInsert(UUID orgId, int count, Random random) throws Exception {
        TestDatabases.Database db = SERVER.database();
        try (Connection connection = DriverManager.getConnection(db.url() + (db.url().contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true", db.user(), db.password())) {
            List<UUID[]> relationships = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT relationship_id, officer_id, partner_id FROM relationship WHERE org_id = ?")) {
                query.setObject(1, orgId);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        relationships.add(new UUID[] {rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                                rows.getObject(3, UUID.class)});
                    }
                }
            }
            connection.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO usage_event (org_id, event_id, relationship_id, officer_id, partner_id, type,
                                             occurred_at, received_at, content_id, properties)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)
                    """)) {
                for (int i = 0; i < count; i++) {
                    UUID[] relationship = relationships.get(random.nextInt(relationships.size()));
                    insert.setObject(1, orgId);
                    insert.setObject(2, UUID.randomUUID());
                    insert.setObject(3, relationship[0]);
                    insert.setObject(4, relationship[1]);
                    insert.setObject(5, relationship[2]);
                    insert.setString(6, TYPES[random.nextInt(TYPES.length)]);
                    insert.setObject(7, now.minusSeconds(random.nextInt(60 * 86_400)));
                    insert.setObject(8, now);
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

    /** Reads measured: how many, how long, each one's latency, and the CPU they used. */
    private record Reads(int count, long nanos, long[] latencies, long jvmNanos, long jitNanos, long postgresNanos,
                         long backgroundNanos) {
        static final Reads NONE = new Reads(0, 0, new long[0], 0, 0, 0, 0);

        Reads plus(Reads other) {
            long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
            long postgres = postgresNanos < 0 || other.postgresNanos < 0 ? -1 : postgresNanos + other.postgresNanos;
            return new Reads(count + other.count, nanos + other.nanos, all, jvmNanos + other.jvmNanos,
                    jitNanos + other.jitNanos, postgres, backgroundNanos + other.backgroundNanos);
        }

        double perSecond() {
            return count * 1e9 / nanos;
        }

        double p99Millis() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.ceil(count * 0.99) - 1] / 1e6;
        }

        /** CPU ms per request: this JVM (SDK and server), of it the JIT compiler, PostgreSQL. */
        double jvmMillis() {
            return jvmNanos / 1e6 / count;
        }

        double jitMillis() {
            return jitNanos / 1e6 / count;
        }

        double postgresMillis() {
            return postgresNanos < 0 ? Double.NaN : postgresNanos / 1e6 / count;
        }

        /** Of PostgreSQL's, its processes that serve no connection: checkpointer, WAL writer, autovacuum. */
        double backgroundMillis() {
            return postgresNanos < 0 ? Double.NaN : backgroundNanos / 1e6 / count;
        }
    }

    /** {@code count} calls over {@link #READ_THREADS} threads. */
    private static Reads read(int count, Consumer<UUID> call, Officer officer) throws Exception {
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(READ_THREADS);
        CpuMeter.Sample cpuBefore = cpu.now();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < READ_THREADS; t++) {
            int from = t;
            futures.add(pool.submit(() -> {
                for (int i = from; i < count; i += READ_THREADS) {
                    long begin = System.nanoTime();
                    call.accept(officer.getId());
                    latencies[i] = System.nanoTime() - begin;
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        long nanos = System.nanoTime() - start;
        CpuMeter.Used used = cpu.now().minus(cpuBefore);
        pool.shutdown();
        return new Reads(count, nanos, latencies, used.jvmNanos(), used.jitNanos(), used.postgresNanos(),
                used.backgroundNanos());
    }
}
