package io.rapport.it.scores;

import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rapport.it.scores.Expected.Sent;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestDatabases;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Job;
import io.rapport.sdk.model.JobStatus;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.server.score.rescore.RescoreJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rescore jobs outlive the node that runs them: two nodes over one database, one relationship per
 * step, and the node holding a job stopped (or presumed dead) halfway through.
 */
class RescoreTakeoverIT {
    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK)
            .with("scoring.sweepInterval", "1h")
            .with("scoring.rescoreChunkSize", "1")
            .with("scoring.rescorePollInterval", "200ms");

    @Test
    void aJobOfANodeThatStops_isCarriedOnByAnotherNode_fromWhereItStood() throws Exception {
        TestOrg org = SERVER.newOrg();
        RapportClient client = org.client();
        Officer officer = anOfficer().create(client);
        Instant now = CLOCK.instant();
        Map<Partner, List<Sent>> sent = RescoreJobIT.fourPartners(client, officer, now);
        CountDownLatch paused = new CountDownLatch(1);
        Job queued;
        try (RapportServerExtension.Node nodeB = SERVER.anotherNode();
             RapportClient viaB = nodeB.client(org.apiKey())) {
            nodeB.managed(RescoreJobs.class).setChunkHook((jobId, chunksDone) -> {
                if (chunksDone == 2) {
                    paused.countDown();
                    new CountDownLatch(1).await(); // until the node stops
                }
            });
            queued = viaB.scores().rescore();
            assertThat(paused.await(1, TimeUnit.MINUTES)).isTrue();
            Job halfway = client.scores().job(queued.getId());
            assertThat(halfway.getStatus()).isEqualTo(JobStatus.RUNNING);
            assertThat(halfway.getProgress().getDone()).isEqualTo(2);
        }

        Job done = client.scores().awaitJob(queued.getId(), WAIT);

        assertThat(done.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.getErrorCode()).isNull();
        assertThat(done.getProgress().getDone()).as("each relationship counted once").isEqualTo(4);
        assertThat(done.getRelationships()).isEqualTo(4);
        assertThat(done.getEvents()).isEqualTo(8L);
        assertThat(done.getStartedAt()).as("the first start is kept").isEqualTo(queued.getCreatedAt());
        assertRescored(client, officer, sent, now);
    }

    @Test
    void aJobOfANodeThatDied_isTakenOverWhenItsLeaseRunsOut() {
        TestOrg org = SERVER.newOrg();
        RapportClient client = org.client();
        Officer officer = anOfficer().create(client);
        Instant now = CLOCK.instant();
        Map<Partner, List<Sent>> sent = RescoreJobIT.fourPartners(client, officer, now);
        UUID jobId = UUID.randomUUID();
        // what a node leaves behind when it dies mid-job: the job running, held by it for five more minutes
        TestDatabases.execute(SERVER.database(), """
                INSERT INTO rescore_job (org_id, job_id, status, model_version, relationships, events, done, total,
                                         created_at, started_at, lease_owner, lease_until)
                VALUES ('%s', '%s', 'running', 1, 0, 0, 0, 4, '%s', '%s', 'node-that-died', '%s')
                """.formatted(org.orgId(), jobId, now, now, now.plus(Duration.ofMinutes(5))));
        assertThat(client.scores().job(jobId).getStatus()).isEqualTo(JobStatus.RUNNING);

        CLOCK.advance(Duration.ofMinutes(6));
        Job done = client.scores().awaitJob(jobId, WAIT);

        assertThat(done.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.getProgress().getDone()).isEqualTo(4);
        assertThat(done.getStartedAt().toInstant()).isEqualTo(now);
        assertRescored(client, officer, sent, CLOCK.instant());
    }

    private static void assertRescored(RapportClient client, Officer officer, Map<Partner, List<Sent>> sent, Instant at) {
        sent.forEach((partner, events) -> assertThat(client.scores()
                .forRelationship(ScoresIT.relationshipId(client, officer, partner)).getInterest())
                .isCloseTo(Expected.interest(events, at), within(1e-9)));
    }
}
