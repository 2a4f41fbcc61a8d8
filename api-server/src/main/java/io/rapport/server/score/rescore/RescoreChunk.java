package io.rapport.server.score.rescore;

import io.rapport.server.score.engine.Decay;
import io.rapport.server.score.engine.EventKinds;
import io.rapport.server.score.engine.ScoreChange;
import io.rapport.server.score.engine.ScoringModel;
import io.rapport.server.score.model.ScoringModels;
import io.rapport.server.score.write.ScoreChangeLog;
import io.rapport.server.score.write.ScoreSettler;
import io.rapport.server.score.write.StoredScore;
import io.rapport.server.score.write.WeekWindows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * One step of a rescore job, in its own short transaction: the next relationships in id order are
 * recomputed from usage_event and settled, recording tier and stage changes with cause "rescore".
 *
 * <p>The step holds the scoring model row for update, as a model change does. Ingest share-locks
 * that row, so no ingest is in flight while a step reads the events: the step sees every committed
 * event of its relationships, and events ingested between steps are folded in incrementally (with
 * the model the row is then scored with, or recomputed later by a step still to come). Nothing
 * ingested during a job is lost or counted twice. A model changed during the job starts it over.
 *
 * <p>Where the job stands is recorded with the step, under this node's lease on the job: a step by a
 * node that lost its lease rolls back, so the recorded position and counts are always those of the
 * steps that committed.
 */
class RescoreChunk {
    private final Jdbi jdbi;
    private final Clock clock;
    private final ScoringModels models;
    private final int size;
    private final Duration lease;
    private final ScoreChangeLog changeLog;

    RescoreChunk(Jdbi jdbi, Clock clock, ScoringModels models, ScoreChangeLog changeLog, int size, Duration lease) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.models = models;
        this.size = size;
        this.lease = lease;
        this.changeLog = changeLog;
    }

    /** Where a job stands after a step: the model it applies and the last relationship done. */
    record Position(int modelVersion, UUID after, boolean finished) {
    }

    /** Thrown, rolling the step back, when another node has taken the job over. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(UUID jobId) {
            super("Rescore job " + jobId + " is held by another node now");
        }
    }

    Position step(UUID orgId, UUID jobId, Position at, String owner) {
        return jdbi.inTransaction(handle -> {
            Instant now = clock.instant();
            ScoringModel model = models.lockedForChange(handle, orgId, now);
            RescoreDao dao = handle.attach(RescoreDao.class);
            UUID after = at.after();
            if (model.version() != at.modelVersion()) {
                dao.restart(orgId, jobId, model.version(), dao.countRelationships(orgId));
                after = null;
            }
            List<UUID> next = dao.nextRelationships(orgId, after, size);
            if (next.isEmpty()) {
                dao.finish(orgId, jobId, RescoreJob.SUCCEEDED, null, owner, now);
                return new Position(model.version(), after, true);
            }
            UUID[] ids = next.toArray(UUID[]::new);
            List<Map.Entry<String, Double>> weights = List.copyOf(model.weights().entrySet());
            String[] types = weights.stream().map(Map.Entry::getKey).toArray(String[]::new);
            Double[] values = weights.stream().map(Map.Entry::getValue).toArray(Double[]::new);
            List<StoredScore> rows = dao.recomputeTotals(orgId, ids, types, values, model.dailyCap().toArray(String[]::new),
                    array(EventKinds.APP_SIGNALS), array(EventKinds.TOUCHES), array(EventKinds.REACH_OUTS),
                    array(EventKinds.REAL_USES), Decay.seconds(model.halfLife()), Decay.seconds(model.shortHalfLife()),
                    model.version(), WeekWindows.keptFrom(now), now);
            ScoreSettler.settleUnlessSilenced(handle, changeLog, orgId, rows, model, now, ScoreChange.BY_RESCORE);
            UUID last = ids[ids.length - 1];
            if (dao.progress(orgId, jobId, ids.length, rows.size(), dao.countEvents(orgId, ids), last, owner,
                    now.plus(lease)) == 0) {
                throw new LeaseLost(jobId);
            }
            return new Position(model.version(), last, false);
        });
    }

    private static String[] array(Set<String> types) {
        return types.toArray(String[]::new);
    }
}
