package io.rapport.server.score.rescore;

import io.dropwizard.lifecycle.Managed;
import io.rapport.server.common.time.Ids;
import io.rapport.server.score.ScoringConfig;
import io.rapport.server.score.model.ScoringModels;
import io.rapport.server.score.write.ScoreChangeLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import io.rapport.server.common.db.FailureEpisode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rescore jobs in the background, step by step ({@link RescoreChunk}), so progress moves and
 * locks stay short. One unfinished job per organization (a partial unique index): asking again while
 * one is queued or running answers that job.
 *
 * <p>Jobs survive restarts and run on any node. The node that queues a job takes it at once; the node
 * running a job holds a lease on it, renewed with every step, and records where the job stands in the
 * step's own transaction. A node stopping releases its jobs; a node that died leaves its lease to run
 * out. Every node looks for unfinished jobs nobody holds when it starts and then every
 * {@code scoring.rescorePollInterval}, and carries them on from where they stood.
 */
public class RescoreJobs implements Managed {
    static final String FAILED = "rescore_failed";
    private static final Logger LOG = LoggerFactory.getLogger(RescoreJobs.class);
    private final FailureEpisode lookFailures = new FailureEpisode(LOG, "Looking for rescore jobs to carry on");
    private static final int THREADS = 2;

    /** A test seam: called on the job's thread before each step; may block to hold the job between steps. */
    public interface ChunkHook {
        void beforeChunk(UUID jobId, long chunksDone) throws InterruptedException;
    }

    /** A job as enqueued: {@code isNew} when this call created it and must launch it once committed. */
    public record Enqueued(UUID orgId, RescoreJob job, boolean isNew) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final ScoringModels models;
    private final RescoreChunk chunk;
    private final Ids ids;
    private final Duration lease;
    private final Duration pollInterval;
    /** This process, as the holder of job leases. */
    private final String owner = "node-" + UUID.randomUUID();
    private final AtomicInteger running = new AtomicInteger();
    private volatile ChunkHook hook = (jobId, chunksDone) -> { };
    private ExecutorService executor;
    private ScheduledExecutorService poller;

    public RescoreJobs(Jdbi jdbi, Clock clock, ScoringModels models, ScoreChangeLog changeLog, ScoringConfig config) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.models = models;
        this.lease = config.rescoreLease();
        this.pollInterval = config.rescorePollInterval();
        this.chunk = new RescoreChunk(jdbi, clock, models, changeLog, config.rescoreChunkSize(), lease);
        this.ids = new Ids(clock);
    }

    public void setChunkHook(ChunkHook hook) {
        this.hook = hook;
    }

    @Override
    public void start() {
        executor = Executors.newFixedThreadPool(THREADS, daemon("rescore-"));
        poller = Executors.newSingleThreadScheduledExecutor(daemon("rescore-poller-"));
        poller.scheduleWithFixedDelay(this::takeOverUnheld, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        poller.shutdownNow();
        // jobs still waiting for a thread are handed back at once; running ones release themselves
        executor.shutdownNow().stream()
                .filter(JobRun.class::isInstance)
                .forEach(run -> release(((JobRun) run).claim()));
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Queues a rescore with the current model, or answers the organization's unfinished job. */
    public RescoreJob submit(UUID orgId) {
        Enqueued enqueued = jdbi.inTransaction(handle ->
                enqueue(handle, orgId, models.lockedForChange(handle, orgId, clock.instant()).version()));
        return launch(enqueued);
    }

    /**
     * Within the caller's transaction, which holds the model row for update (so no job can finish
     * meanwhile): a new queued job, or the unfinished one, which will notice a newer model itself.
     */
    public Enqueued enqueue(Handle handle, UUID orgId, int modelVersion) {
        RescoreDao dao = handle.attach(RescoreDao.class);
        return dao.insertQueued(orgId, ids.next(), modelVersion, owner, clock.instant(), clock.instant().plus(lease))
                .map(job -> new Enqueued(orgId, job, true))
                .orElseGet(() -> new Enqueued(orgId, dao.findUnfinished(orgId).orElseThrow(), false));
    }

    /**
     * After the enqueuing transaction committed: takes a new job and runs it here. The job is already
     * stored, so if it cannot be taken now (the database briefly unreachable), a later pass of any node
     * takes it: the caller is answered with the queued job either way.
     */
    public RescoreJob launch(Enqueued enqueued) {
        if (enqueued.isNew()) {
            try {
                jdbi.withExtension(RescoreDao.class, dao -> dao.claim(enqueued.orgId(), enqueued.job().jobId(), owner,
                        clock.instant(), clock.instant().plus(lease))).ifPresent(this::runHere);
            } catch (RuntimeException e) {
                LOG.warn("Could not take rescore job {} now; a node's next look for unheld jobs takes it",
                        enqueued.job().jobId(), e);
            }
        }
        return enqueued.job();
    }

    /** Takes jobs nobody holds (queued by a node that stopped, or left by one that died) while threads are free. */
    private void takeOverUnheld() {
        try {
            while (running.get() < THREADS) {
                Optional<JobClaim> claim = jdbi.withExtension(RescoreDao.class,
                        dao -> dao.claimAny(owner, clock.instant(), clock.instant().plus(lease)));
                if (claim.isEmpty()) {
                    lookFailures.succeeded();
                    return;
                }
                LOG.info("Carrying on rescore job {} of organization {}", claim.get().jobId(), claim.get().orgId());
                runHere(claim.get());
            }
        } catch (RuntimeException e) {
            lookFailures.failed(e);
        }
    }

    private void runHere(JobClaim claim) {
        running.incrementAndGet();
        try {
            executor.execute(new JobRun(claim));
        } catch (RejectedExecutionException stopping) {
            running.decrementAndGet();
            release(claim);
        }
    }

    /** A job taken by this node, waiting for or running on one of its threads. */
    private final class JobRun implements Runnable {
        private final JobClaim claim;

        JobRun(JobClaim claim) {
            this.claim = claim;
        }

        JobClaim claim() {
            return claim;
        }

        @Override
        public void run() {
            try {
                runJob(claim);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    private void runJob(JobClaim claim) {
        UUID orgId = claim.orgId();
        try {
            int marked = jdbi.withExtension(RescoreDao.class, dao -> dao.markRunning(orgId, claim.jobId(),
                    dao.countRelationships(orgId), owner, clock.instant()));
            if (marked == 0) {
                return;
            }
            RescoreChunk.Position at = new RescoreChunk.Position(claim.modelVersion(), claim.resumeAfter(), false);
            for (long done = 0; !at.finished(); done++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("stopping");
                }
                hook.beforeChunk(claim.jobId(), done);
                at = chunk.step(orgId, claim.jobId(), at, owner);
            }
        } catch (InterruptedException e) {
            release(claim);
            Thread.currentThread().interrupt();
        } catch (RescoreChunk.LeaseLost e) {
            LOG.warn("{}; this node stops running it", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Rescore job {} of organization {} failed ({})", claim.jobId(), orgId, FAILED, e);
            try {
                jdbi.useExtension(RescoreDao.class, dao -> dao.finish(orgId, claim.jobId(), RescoreJob.FAILED, FAILED,
                        owner, clock.instant()));
            } catch (RuntimeException recording) {
                LOG.error("Could not record the failure of rescore job {}; another node retries it when the lease "
                        + "runs out", claim.jobId(), recording);
            }
        }
    }

    private void release(JobClaim claim) {
        try {
            jdbi.useExtension(RescoreDao.class, dao -> dao.release(claim.orgId(), claim.jobId(), owner));
            LOG.info("Released rescore job {} for another node to carry on", claim.jobId());
        } catch (RuntimeException e) {
            LOG.warn("Could not release rescore job {}; another node takes it when the lease runs out", claim.jobId(), e);
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
