package io.rapport.it.bench;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anEvent;
import static io.rapport.it.support.Fixtures.anOfficer;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestDatabases;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.generated.model.Job;
import io.rapport.sdk.generated.model.Officer;
import io.rapport.sdk.generated.model.Partner;
import io.rapport.sdk.generated.model.PartnerSort;
import io.rapport.sdk.generated.model.UsageEventInput;
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
 * Scoring costs, printed, never asserted: ranked-list reads (an officer with 500 partners) per second
 * and p99 beside a trivial read on the same server in the same run; ingest with scoring against a raw
 * JDBC insert of the same rows; and the rescore rate over {@code bench.rescoreEvents} events. Run with
 * {@code mvn -B -q verify -pl integration-tests -am -Dit.test=ScoreBenchmark -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; sizes from {@code bench.events} (default 100,000),
 * {@code bench.reads} (default 4,000), {@code bench.rescoreEvents} (default 1,000,000)
 * and {@code bench.limit} (ranked page size, default 50).
 */
class ScoreBenchmark {
    private static final int PARTNERS = 500;
    private static final int BATCH = 500;
    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    private static final int READS = Integer.getInteger("bench.reads", 4_000);
    private static final int READ_THREADS = 4;
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
        TestOrg org = SERVER.newOrg();
        RapportClient client = RapportClient.builder().baseUrl(SERVER.baseUrl()).apiKey(org.apiKey())
                .readTimeout(Duration.ofMinutes(30)).build();
        Officer officer = anOfficer().create(client);
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            partners.add(aPartner().create(client));
        }
        Random random = new Random(1);
        ingest(client, officer, partners, random, EVENTS / 10); // warm-up, and every relationship exists
        double scored = ingest(client, officer, partners, random, EVENTS);
        double raw = rawInsert(org.orgId(), EVENTS, random);

        // what autovacuum does on a running system: without statistics the planner guesses one row per table
        TestDatabases.execute(SERVER.database(), "ANALYZE");
        read(READS / 4, id -> client.scores().rankedPartners(officer.getId(), Integer.getInteger("bench.limit", 50), null, null, null, null, null), officer);
        double[] ranked = read(READS, id -> client.scores().rankedPartners(officer.getId(), Integer.getInteger("bench.limit", 50), null, null, null, null, null), officer);
        double[] trivial = read(READS, id -> client.officers().get(officer.getId()), officer);
        // sort=change7d reads every row and its week of events (7/60 of the events here): fewer reads
        double[] byChange = read(Math.max(READ_THREADS, READS / 40), id -> client.scores().rankedPartners(officer.getId(),
                Integer.getInteger("bench.limit", 50), null, null, null, null, null, PartnerSort.CHANGE7D), officer);

        long existing = EVENTS / 10 + 2L * EVENTS;
        if (RESCORE_EVENTS > existing) {
            rawInsert(org.orgId(), (int) (RESCORE_EVENTS - existing), random);
        }
        Job job = client.scores().awaitJob(client.scores().rescore().getId(), Duration.ofHours(1));
        // the job's own times (server clock): polling for the outcome would add up to a second
        double rescoreSeconds = Duration.between(job.getStartedAt(), job.getFinishedAt()).toNanos() / 1e9;

        System.out.printf("%n=== Rapport scoring benchmark ===%n");
        System.out.printf("ranked list (500 partners, limit 50): %,10.0f req/s  p99 %6.2f ms (%d threads, %,d reads)%n",
                ranked[0], ranked[1], READ_THREADS, READS);
        System.out.printf("trivial GET /v1/officers/{id}       : %,10.0f req/s  p99 %6.2f ms%n", trivial[0], trivial[1]);
        System.out.printf("ratio ranked / trivial               : %10.2f%n", ranked[0] / trivial[0]);
        // CPU per request does not depend on what else runs on the machine, throughput does
        System.out.printf("CPU ms per request, JVM + PostgreSQL : ranked %.3f + %.3f, trivial %.3f + %.3f%n",
                ranked[2], ranked[3], trivial[2], trivial[3]);
        System.out.printf("CPU-cost ratio trivial / ranked      : %10.2f%n", (trivial[2] + trivial[3]) / (ranked[2] + ranked[3]));
        System.out.printf("ranked by change7d (500 partners)    : %,10.0f req/s  p99 %6.2f ms%n", byChange[0], byChange[1]);
        System.out.printf("ingest with scoring (batches of %d) : %,10.0f events/s (%,d events)%n", BATCH, scored, EVENTS);
        System.out.printf("raw JDBC batched insert (%d)        : %,10.0f events/s (same shape, same run)%n", BATCH, raw);
        System.out.printf("ratio scored ingest / raw            : %10.2f%n", scored / raw);
        System.out.printf("rescore                              : %,10.0f events/s (%,d events, %d relationships, %.1f s)%n",
                job.getEvents() / rescoreSeconds, job.getEvents(), job.getRelationships(), rescoreSeconds);
    }

    private static double ingest(RapportClient client, Officer officer, List<Partner> partners, Random random, int count) {
        Instant now = Instant.now();
        long start = System.nanoTime();
        for (int sent = 0; sent < count; sent += BATCH) {
            List<UsageEventInput> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < Math.min(BATCH, count - sent); i++) {
                batch.add(anEvent(now.minusSeconds(random.nextInt(60 * 86_400))).type(TYPES[random.nextInt(TYPES.length)])
                        .pair(officer, partners.get(random.nextInt(partners.size()))).input());
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

    /**
     * {requests per second, p99 in ms, CPU ms per request of this JVM (SDK and server), of PostgreSQL} of
     * {@code count} calls over {@link #READ_THREADS} threads.
     */
    private static double[] read(int count, Consumer<UUID> call, Officer officer) throws Exception {
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
        double elapsed = (System.nanoTime() - start) / 1e9;
        CpuMeter.Used used = cpu.now().minus(cpuBefore);
        pool.shutdown();
        Arrays.sort(latencies);
        return new double[] {count / elapsed, latencies[(int) Math.ceil(count * 0.99) - 1] / 1e6,
                used.jvmNanos() / 1e6 / count, used.postgresNanos() < 0 ? Double.NaN : used.postgresNanos() / 1e6 / count};
    }
}
