package io.rapport.it.scores;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rapport.it.scores.Expected.Sent;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Job;
import io.rapport.sdk.model.JobStatus;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.ScoringModel;
import io.rapport.sdk.model.ScoringModelInput;
import io.rapport.server.score.rescore.RescoreJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rescore as a background job, one relationship per chunk, held between chunks by the server's
 * test seam so that what happens meanwhile is deterministic.
 */
class RescoreJobIT {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration WAIT = Duration.ofMinutes(1);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(new MutableClock(NOW))
            .with("scoring.sweepInterval", "1h")
            .with("scoring.rescoreChunkSize", "1");

    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch resume = new CountDownLatch(1);

    @AfterEach
    void releaseTheJob() {
        resume.countDown();
        SERVER.managed(RescoreJobs.class).setChunkHook((jobId, chunksDone) -> { });
    }

    @Test
    void rescore_runsInTheBackground_reportsProgress_andCountsEventsIngestedWhileItRuns() throws Exception {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Map<Partner, List<Sent>> sent = fourPartners(client, officer, NOW);
        pauseBeforeChunk(2);

        Job queued = client.scores().rescore();

        assertThat(queued.getStatus()).isIn(JobStatus.QUEUED, JobStatus.RUNNING);
        assertThat(paused.await(1, TimeUnit.MINUTES)).isTrue();
        Job running = client.scores().job(queued.getId());
        assertThat(running.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.getProgress().getDone()).isEqualTo(2);
        assertThat(running.getProgress().getTotal()).isEqualTo(4);
        assertThat(running.getStartedAt()).isNotNull();
        assertThat(running.getFinishedAt()).isNull();
        assertThat(client.scores().rescore().getId()).as("a second request answers the running job").isEqualTo(queued.getId());
        // while it is held: new and late events for the two relationships done and the two still to do
        sent.forEach((partner, events) -> {
            Sent now = new Sent("meeting_logged", NOW);
            Sent late = new Sent("referral_sent", NOW.minus(Duration.ofDays(33)));
            ScoresIT.send(client, officer, partner, now, late);
            events.add(now);
            events.add(late);
        });
        resume.countDown();
        Job done = client.scores().awaitJob(queued.getId(), WAIT);

        assertThat(done.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.getProgress().getDone()).isEqualTo(4);
        assertThat(done.getRelationships()).isEqualTo(4);
        // the first two chunks read 2 events each, the last two read 4 (theirs and those sent meanwhile)
        assertThat(done.getEvents()).isEqualTo(12L);
        assertThat(done.getErrorCode()).isNull();
        sent.forEach((partner, events) -> assertThat(client.scores()
                .forRelationship(ScoresIT.relationshipId(client, officer, partner)).getInterest())
                .isCloseTo(Expected.interest(events, NOW), within(1e-9)));
    }

    @Test
    void rescore_whenTheModelChangesWhileItRuns_startsOverWithTheNewModel() throws Exception {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Map<Partner, List<Sent>> sent = fourPartners(client, officer, NOW);
        pauseBeforeChunk(2);
        Job queued = client.scores().rescore();
        assertThat(paused.await(1, TimeUnit.MINUTES)).isTrue();

        ScoringModel current = client.scores().model();
        Map<String, Double> weights = new HashMap<>(current.getWeights());
        weights.put("card_shared", 40.0);
        ScoringModel changed = client.scores().updateModel(current.getVersion(), input(current).weights(weights));
        resume.countDown();

        assertThat(changed.getRescoreJobId()).isEqualTo(queued.getId());
        Job done = client.scores().awaitJob(queued.getId(), WAIT);
        assertThat(done.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.getModelVersion()).isEqualTo(changed.getVersion());
        assertThat(done.getRelationships()).isEqualTo(4);
        sent.forEach((partner, events) -> {
            double expected = events.stream().mapToDouble(e -> (e.type().equals("card_shared") ? 40.0 / 8 : 1.0)
                    * Expected.interest(List.of(e), NOW)).sum();
            assertThat(client.scores().forRelationship(ScoresIT.relationshipId(client, officer, partner)))
                    .satisfies(s -> assertThat(s.getInterest()).isCloseTo(expected, within(1e-9)))
                    .satisfies(s -> assertThat(s.getModelVersion()).isEqualTo(changed.getVersion()));
        });
    }

    @Test
    void rescore_thatFails_recordsItsFailure_andDoesNotBlockTheNextJob() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        fourPartners(client, officer, NOW);
        SERVER.managed(RescoreJobs.class).setChunkHook((jobId, chunksDone) -> {
            if (chunksDone == 1) {
                throw new IllegalStateException("injected by the test");
            }
        });

        Job failed = client.scores().awaitJob(client.scores().rescore().getId(), WAIT);

        assertThat(failed.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.getErrorCode()).isEqualTo("rescore_failed");
        assertThat(failed.getFinishedAt()).isNotNull();
        assertThat(failed.getProgress().getDone()).isEqualTo(1);
        SERVER.managed(RescoreJobs.class).setChunkHook((jobId, chunksDone) -> { });
        Job next = client.scores().rescore();
        assertThat(next.getId()).isNotEqualTo(failed.getId());
        assertThat(client.scores().awaitJob(next.getId(), WAIT).getStatus()).isEqualTo(JobStatus.SUCCEEDED);
    }

    /** Holds the job before its chunk number {@code chunk} until the test resumes it. */
    private void pauseBeforeChunk(long chunk) {
        SERVER.managed(RescoreJobs.class).setChunkHook((jobId, chunksDone) -> {
            if (chunksDone == chunk) {
                paused.countDown();
                resume.await(1, TimeUnit.MINUTES);
            }
        });
    }

    /** Four partners of the officer, each with a card shared days ago and an app opened hours ago. */
    static Map<Partner, List<Sent>> fourPartners(RapportClient client, Officer officer, Instant now) {
        Map<Partner, List<Sent>> sent = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            Partner partner = aPartner().create(client);
            List<Sent> events = new ArrayList<>(List.of(new Sent("card_shared", now.minus(Duration.ofDays(3 + i))),
                    new Sent("app_opened", now.minus(Duration.ofHours(5 + i)))));
            ScoresIT.send(client, officer, partner, events.toArray(Sent[]::new));
            sent.put(partner, events);
        }
        return sent;
    }

    private static ScoringModelInput input(ScoringModel model) {
        return new ScoringModelInput().weights(model.getWeights()).halfLifeDays(model.getHalfLifeDays())
                .shortHalfLifeDays(model.getShortHalfLifeDays()).k(model.getK()).warmingAt(model.getWarmingAt())
                .engagedAt(model.getEngagedAt()).hotAt(model.getHotAt()).hysteresis(model.getHysteresis());
    }
}
