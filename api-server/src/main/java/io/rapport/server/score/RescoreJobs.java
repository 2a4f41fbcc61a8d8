package io.rapport.server.score;

import io.dropwizard.lifecycle.Managed;
import io.rapport.server.common.time.Ids;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rescore jobs in the background, chunk by chunk ({@link RescoreChunk}), so progress moves and
 * locks stay short. One unfinished job per organization (a partial unique index): asking again while
 * one is queued or running answers that job.
 *
 * <p>Jobs do not survive a restart: at start, jobs left queued or running (by this server before it
 * stopped) are marked failed with {@code interrupted}; the client starts another. This assumes one
 * node runs jobs: a second node starting would fail the first node's running jobs.
 */
public class RescoreJobs implements Managed {
    static final String INTERRUPTED = "interrupted";
    static final String FAILED = "rescore_failed";
    private static final Logger LOG = LoggerFactory.getLogger(RescoreJobs.class);
    private static final int THREADS = 2;

    /** A test seam: called on the job's thread before each chunk; may block to hold the job between chunks. */
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
    private volatile ChunkHook hook = (jobId, chunksDone) -> { };
    private ExecutorService executor;

    public RescoreJobs(Jdbi jdbi, Clock clock, ScoringModels models, int chunkSize) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.models = models;
        this.chunk = new RescoreChunk(jdbi, clock, models, chunkSize);
        this.ids = new Ids(clock);
    }

    public void setChunkHook(ChunkHook hook) {
        this.hook = hook;
    }

    @Override
    public void start() {
        int failed = jdbi.withExtension(RescoreDao.class, dao -> dao.failUnfinished(clock.instant()));
        if (failed > 0) {
            LOG.warn("Marked {} rescore job(s) left unfinished by a stopped server as failed ({})", failed, INTERRUPTED);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "rescore-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdownNow();
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
        return dao.insertQueued(orgId, ids.next(), modelVersion, clock.instant())
                .map(job -> new Enqueued(orgId, job, true))
                .orElseGet(() -> new Enqueued(orgId, dao.findUnfinished(orgId).orElseThrow(), false));
    }

    /** After the enqueuing transaction committed: runs a new job. */
    public RescoreJob launch(Enqueued enqueued) {
        if (enqueued.isNew()) {
            executor.execute(() -> run(enqueued.orgId(), enqueued.job()));
        }
        return enqueued.job();
    }

    private void run(UUID orgId, RescoreJob job) {
        try {
            jdbi.useExtension(RescoreDao.class, dao ->
                    dao.markRunning(orgId, job.jobId(), dao.countRelationships(orgId), clock.instant()));
            RescoreChunk.Position at = new RescoreChunk.Position(job.modelVersion(), null, false);
            for (long done = 0; !at.finished(); done++) {
                hook.beforeChunk(job.jobId(), done);
                at = chunk.step(orgId, job.jobId(), at);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(orgId, job, INTERRUPTED, e);
        } catch (RuntimeException e) {
            fail(orgId, job, FAILED, e);
        }
    }

    private void fail(UUID orgId, RescoreJob job, String code, Exception cause) {
        LOG.error("Rescore job {} of organization {} failed ({})", job.jobId(), orgId, code, cause);
        try {
            jdbi.useExtension(RescoreDao.class, dao -> dao.finish(orgId, job.jobId(), RescoreJob.FAILED, code, clock.instant()));
        } catch (RuntimeException e) {
            LOG.error("Could not record the failure of rescore job {}; it is failed at the next start", job.jobId(), e);
        }
    }
}
