package io.rapport.server.score;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Replaces an organization's sums with a recomputation from its events, then settles every row with
 * the model (tier, stage, due time, rank key), recording tier and stage changes with cause "rescore".
 * Runs inside the caller's transaction, which must hold the scoring model row for update.
 */
class Rescorer {
    private final Clock clock;

    Rescorer(Clock clock) {
        this.clock = clock;
    }

    RescoreJob rescore(Handle handle, UUID orgId, UUID jobId, ScoringModel model) {
        Instant started = clock.instant();
        RescoreDao dao = handle.attach(RescoreDao.class);
        List<Map.Entry<String, Double>> weights = List.copyOf(model.weights().entrySet());
        String[] types = weights.stream().map(Map.Entry::getKey).toArray(String[]::new);
        Double[] values = weights.stream().map(Map.Entry::getValue).toArray(Double[]::new);
        List<ScoreRow> rows = dao.recomputeTotals(orgId, types, values, Decay.seconds(model.halfLife()),
                Decay.seconds(model.shortHalfLife()), model.version(), started);
        dao.deleteTypeSums(orgId);
        dao.recomputeTypeSums(orgId, types, values, Decay.seconds(model.halfLife()));
        ScoreSettler.settle(handle, orgId, rows, model, started, ScoreChange.BY_RESCORE);
        RescoreJob job = new RescoreJob(jobId, "succeeded", model.version(), rows.size(), dao.countEvents(orgId),
                started, clock.instant());
        dao.insertJob(orgId, job);
        return job;
    }
}
