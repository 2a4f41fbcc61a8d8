package io.rapport.server.score;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Ids;
import java.time.Clock;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads and changes an organization's scoring model. A change and its rescore commit together, under
 * the model row's lock, so no score is ever read that mixes two models.
 */
public class ScoringModelService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final ScoringModels models;
    private final Rescorer rescorer;
    private final Ids ids;

    public ScoringModelService(Jdbi jdbi, Clock clock, ScoringModels models) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.models = models;
        this.rescorer = new Rescorer(clock);
        this.ids = new Ids(clock);
    }

    public record Changed(ScoringModel model, RescoreJob job) {
    }

    public ScoringModel current(UUID orgId) {
        return jdbi.withHandle(handle -> models.current(handle, orgId));
    }

    /** @param ifMatch the ETag the client read; required */
    public Changed update(UUID orgId, String ifMatch, ScoringModelDraft draft) {
        int expected = ETags.version(ifMatch);
        return jdbi.inTransaction(handle -> {
            ScoringModel current = models.lockedForChange(handle, orgId, clock.instant());
            if (current.version() != expected) {
                throw new ApiProblemException(412, "version_mismatch", "Precondition Failed",
                        "The scoring model is at version " + current.version() + ", not " + expected);
            }
            ScoringModel next = draft.toModel(current.version() + 1);
            models.save(handle, orgId, next, clock.instant());
            return new Changed(next, rescorer.rescore(handle, orgId, ids.next(), next));
        });
    }

    public RescoreJob rescore(UUID orgId) {
        return jdbi.inTransaction(handle -> {
            ScoringModel model = models.lockedForChange(handle, orgId, clock.instant());
            return rescorer.rescore(handle, orgId, ids.next(), model);
        });
    }

    public RescoreJob job(UUID orgId, UUID jobId) {
        return jdbi.withHandle(handle -> handle.attach(RescoreDao.class).findJob(orgId, jobId))
                .orElseThrow(() -> ApiProblemException.notFound("Job " + jobId));
    }
}
