package io.rapport.server.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The scoring model each organization scores with; the DESIGN §4 defaults (version 1) until changed.
 *
 * <p>Ingest reads it {@link #lockedForIngest under a share lock} and a model change takes the row for
 * update: a change therefore waits for in-flight ingests and ingests wait for the change, so no
 * event is ever folded in with a model other than the one its row was last rescored with.
 */
public class ScoringModels {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Double>> WEIGHTS = new TypeReference<>() {
    };

    /** For reads and the sweep: no lock. */
    public ScoringModel current(Handle handle, UUID orgId) {
        return current(handle.attach(ScoringModelDao.class), orgId);
    }

    /** The same through a DAO the caller keeps (an on-demand one on hot read paths: attaching costs). */
    public ScoringModel current(ScoringModelDao dao, UUID orgId) {
        return dao.find(orgId).map(ScoringModels::toModel).orElse(ScoringModel.defaults());
    }

    /** For ingest: the row, seeded with the defaults on first use, share-locked until the transaction ends. */
    public ScoringModel lockedForIngest(Handle handle, UUID orgId, Instant now) {
        ScoringModelDao dao = handle.attach(ScoringModelDao.class);
        return dao.findForShare(orgId).or(() -> {
            dao.insertIfAbsent(orgId, toStored(ScoringModel.defaults()), now);
            return dao.findForShare(orgId);
        }).map(ScoringModels::toModel).orElseThrow();
    }

    /** For a change or a rescore: the row, seeded if absent, locked for update. */
    public ScoringModel lockedForChange(Handle handle, UUID orgId, Instant now) {
        ScoringModelDao dao = handle.attach(ScoringModelDao.class);
        dao.insertIfAbsent(orgId, toStored(ScoringModel.defaults()), now);
        return dao.findForUpdate(orgId).map(ScoringModels::toModel).orElseThrow();
    }

    public void save(Handle handle, UUID orgId, ScoringModel model, Instant now) {
        handle.attach(ScoringModelDao.class).update(orgId, toStored(model), now);
    }

    static ScoringModel toModel(StoredModel stored) {
        try {
            return new ScoringModel(stored.version(), JSON.readValue(stored.weights(), WEIGHTS),
                    Duration.ofNanos(Math.round(stored.halfLifeSeconds() * 1e9)),
                    Duration.ofNanos(Math.round(stored.shortHalfLifeSeconds() * 1e9)),
                    stored.k(), stored.warmingAt(), stored.engagedAt(), stored.hotAt(), stored.hysteresis());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable scoring_model.weights", e);
        }
    }

    static StoredModel toStored(ScoringModel model) {
        try {
            return new StoredModel(model.version(), JSON.writeValueAsString(new TreeMap<>(model.weights())),
                    Decay.seconds(model.halfLife()), Decay.seconds(model.shortHalfLife()), model.k(),
                    model.warmingAt(), model.engagedAt(), model.hotAt(), model.hysteresis());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
