package io.rapport.server.score.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.score.engine.Decay;
import io.rapport.server.score.engine.ScoringModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.Handle;

/**
 * The scoring model each organization scores with; the DESIGN §4 defaults (version 1) until changed.
 *
 * <p>Ingest reads it {@link #lockedForIngest under a share lock} and a model change takes the row for
 * update: a change therefore waits for in-flight ingests and ingests wait for the change, so no
 * event is ever folded in with a model other than the one its row was last rescored with.
 *
 * <p>Every read still reads the row (and takes its lock); what is kept is only the parsing of its
 * weights JSON, per organization the last row parsed, and it is used only for a row equal to it in
 * every column (weights text included). A change committed on any node is therefore seen by the next
 * read on every node: nothing here depends on time or on being told of the change.
 */
public class ScoringModels {
    /** The DESIGN §4 defaults, what an organization without a stored model scores with. */
    public static final ScoringModel DEFAULTS = ScoringModel.defaults();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Double>> WEIGHTS = new TypeReference<>() {
    };
    private static final TypeReference<Set<String>> TYPES = new TypeReference<>() {
    };

    /** Per organization, the last row parsed: bounded by the number of organizations. */
    private final ConcurrentMap<UUID, Parsed> lastParsed = new ConcurrentHashMap<>();

    private record Parsed(StoredModel row, ScoringModel model) {
    }

    /** For reads and the sweep: no lock. */
    public ScoringModel current(Handle handle, UUID orgId) {
        return current(handle.attach(ScoringModelDao.class), orgId);
    }

    /** The same through a DAO the caller keeps (an on-demand one on hot read paths: attaching costs). */
    public ScoringModel current(ScoringModelDao dao, UUID orgId) {
        return dao.find(orgId).map(row -> parsed(orgId, row)).orElse(DEFAULTS);
    }

    /** For ingest: the row, seeded with the defaults on first use, share-locked until the transaction ends. */
    public ScoringModel lockedForIngest(Handle handle, UUID orgId, Instant now) {
        ScoringModelDao dao = handle.attach(ScoringModelDao.class);
        return dao.findForShare(orgId).or(() -> {
            dao.insertIfAbsent(orgId, toStored(DEFAULTS), now);
            return dao.findForShare(orgId);
        }).map(row -> parsed(orgId, row)).orElseThrow();
    }

    /** The weights text of the organization's row parsed last, null if none: a read may skip fetching it again. */
    public String lastWeights(UUID orgId) {
        Parsed last = lastParsed.get(orgId);
        return last == null ? null : last.row().weights();
    }

    /** The model of {@code row}, just read from the organization's {@code scoring_model}. */
    public ScoringModel parsed(UUID orgId, StoredModel row) {
        Parsed last = lastParsed.get(orgId);
        if (last != null && last.row().equals(row)) {
            return last.model();
        }
        ScoringModel model = toModel(row);
        lastParsed.put(orgId, new Parsed(row, model));
        return model;
    }

    /** For a change or a rescore: the row, seeded if absent, locked for update. */
    public ScoringModel lockedForChange(Handle handle, UUID orgId, Instant now) {
        ScoringModelDao dao = handle.attach(ScoringModelDao.class);
        dao.insertIfAbsent(orgId, toStored(DEFAULTS), now);
        return dao.findForUpdate(orgId).map(ScoringModels::toModel).orElseThrow();
    }

    public void save(Handle handle, UUID orgId, ScoringModel model, Instant now) {
        handle.attach(ScoringModelDao.class).update(orgId, toStored(model), now);
    }

    static ScoringModel toModel(StoredModel stored) {
        try {
            return new ScoringModel(stored.version(), JSON.readValue(stored.weights(), WEIGHTS),
                    JSON.readValue(stored.dailyCap(), TYPES),
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
                    JSON.writeValueAsString(new TreeSet<>(model.dailyCap())),
                    Decay.seconds(model.halfLife()), Decay.seconds(model.shortHalfLife()), model.k(),
                    model.warmingAt(), model.engagedAt(), model.hotAt(), model.hysteresis());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
