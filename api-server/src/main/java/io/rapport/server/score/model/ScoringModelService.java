package io.rapport.server.score.model;

import io.rapport.server.audit.AuditActions;
import io.rapport.server.audit.AuditLog;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.web.EntityTags;
import io.rapport.server.score.engine.ScoringModel;
import io.rapport.server.score.rescore.RescoreDao;
import io.rapport.server.score.rescore.RescoreJob;
import io.rapport.server.score.rescore.RescoreJobs;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads and changes an organization's scoring model. A change commits with its queued rescore job
 * (under the model row's lock), which then recomputes every relationship in the background.
 */
public class ScoringModelService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final ScoringModels models;
    private final RescoreJobs jobs;
    private final AuditLog audit;

    public ScoringModelService(Jdbi jdbi, Clock clock, ScoringModels models, RescoreJobs jobs) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.models = models;
        this.jobs = jobs;
        this.audit = new AuditLog(clock);
    }

    public record Changed(ScoringModel model, RescoreJob job) {
    }

    private record Committed(ScoringModel model, RescoreJobs.Enqueued job) {
    }

    public ScoringModel current(UUID orgId) {
        return jdbi.withHandle(handle -> models.current(handle, orgId));
    }

    /** @param ifMatch the ETag the client read; required */
    public Changed update(UUID orgId, String ifMatch, ScoringModelDraft draft) {
        int expected = EntityTags.requiredVersion(ifMatch);
        Committed committed = jdbi.inTransaction(handle -> {
            ScoringModel current = models.lockedForChange(handle, orgId, clock.instant());
            if (current.version() != expected) {
                throw EntityTags.versionMismatch(
                        "The scoring model is at version " + current.version() + ", not " + expected);
            }
            ScoringModel next = draft.toModel(current.version() + 1);
            models.save(handle, orgId, next, clock.instant());
            audit.record(handle, orgId, AuditActions.SCORING_MODEL_CHANGED, "scoring_model", orgId,
                    Map.of("version", next.version()));
            return new Committed(next, jobs.enqueue(handle, orgId, next.version()));
        });
        // the job runs only once the new model is committed, so that its first chunk sees it
        return new Changed(committed.model(), jobs.launch(committed.job()));
    }

    /** The queued job, or the organization's unfinished one. */
    public RescoreJob rescore(UUID orgId) {
        return jobs.submit(orgId);
    }

    public RescoreJob job(UUID orgId, UUID jobId) {
        return jdbi.withHandle(handle -> handle.attach(RescoreDao.class).findJob(orgId, jobId))
                .orElseThrow(() -> ApiProblemException.notFound("Job " + jobId));
    }
}
