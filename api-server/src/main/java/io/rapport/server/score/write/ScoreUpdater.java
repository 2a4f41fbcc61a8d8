package io.rapport.server.score.write;

import io.rapport.server.common.jdbi.SqlObjects;
import io.rapport.server.event.AcceptedEvent;
import io.rapport.server.event.AcceptedEventsListener;
import io.rapport.server.score.engine.InterestSum;
import io.rapport.server.score.engine.ScoreChange;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.ScoringEvent;
import io.rapport.server.score.engine.ScoringModel;
import io.rapport.server.score.engine.Stage;
import io.rapport.server.score.engine.StageFacts;
import io.rapport.server.score.engine.Tier;
import io.rapport.server.score.model.ScoringModelDao;
import io.rapport.server.score.model.ScoringModels;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Folds accepted events into the stored scores inside the ingest transaction, writing each score row
 * once per batch: the batch's rows are locked (in key order, so concurrent batches on one relationship
 * serialise and stay exact), the events folded into them in Java, each row settled (tier, stage, due
 * time, ranking key) and written back with one set-based statement. A relationship scored for the first
 * time is inserted instead; if a concurrent batch inserted it first, it is locked and folded like any
 * stored row.
 */
public class ScoreUpdater implements AcceptedEventsListener {
    /** What a relationship never scored before is compared against: the columns' defaults. */
    private static final String NEW_TIER = Tier.COLD.code();
    private static final String NEW_STAGE = Stage.TECHNOSHIP.code();
    private static final ScoreState NEW_STATE = new ScoreState(InterestSum.EMPTY, InterestSum.EMPTY, Map.of(),
            StageFacts.NONE, null, Tier.COLD);

    private final Clock clock;
    private final ScoringModels models;
    private final ScoreChangeLog changeLog;

    public ScoreUpdater(Jdbi jdbi, Clock clock, ScoringModels models, ScoreChangeLog changeLog) {
        SqlObjects.warm(jdbi, ScoreDao.class, ScoreChangeDao.class, ScoringModelDao.class);
        this.clock = clock;
        this.models = models;
        this.changeLog = changeLog;
    }

    @Override
    public void onAccepted(Handle handle, UUID orgId, List<AcceptedEvent> events) {
        Instant now = clock.instant();
        ScoringModel model = models.lockedForIngest(handle, orgId, now);
        Map<UUID, List<ScoringEvent>> byRelationship = new LinkedHashMap<>();
        Map<UUID, AcceptedEvent> firstOf = new HashMap<>();
        for (AcceptedEvent event : events) {
            byRelationship.computeIfAbsent(event.relationshipId(), id -> new ArrayList<>())
                    .add(new ScoringEvent(event.type(), event.occurredAt()));
            firstOf.putIfAbsent(event.relationshipId(), event);
        }

        ScoreDao dao = handle.attach(ScoreDao.class);
        Map<UUID, StoredScore> stored = byId(dao.lock(orgId, byRelationship.keySet().toArray(UUID[]::new)));
        List<ScoreChange> changes = new ArrayList<>();
        List<UUID> fresh = byRelationship.keySet().stream().filter(id -> !stored.containsKey(id)).toList();
        if (!fresh.isEmpty()) {
            ScoreWrites inserts = new ScoreWrites();
            Map<UUID, List<ScoreChange>> insertChanges = new HashMap<>();
            for (UUID id : fresh) {
                AcceptedEvent first = firstOf.get(id);
                Settlement settled = Settlement.of(id, first.officerId(), first.partnerId(),
                        NEW_STATE.fold(byRelationship.get(id), model), NEW_TIER, NEW_STAGE, model, now, ScoreChange.BY_EVENT);
                inserts.add(id, first.officerId(), first.partnerId(), settled, model);
                insertChanges.put(id, settled.changes());
            }
            Set<UUID> inserted = new HashSet<>(dao.insertNew(orgId, inserts, model.version(), now));
            inserted.forEach(id -> changes.addAll(insertChanges.get(id)));
            UUID[] raced = fresh.stream().filter(id -> !inserted.contains(id)).toArray(UUID[]::new);
            if (raced.length > 0) {
                stored.putAll(byId(dao.lock(orgId, raced)));
            }
        }

        ScoreWrites updates = new ScoreWrites();
        stored.values().forEach(score -> {
            ScoreRow row = score.row();
            Settlement settled = Settlement.of(row, score.toState().fold(byRelationship.get(row.relationshipId()), model),
                    model, now, ScoreChange.BY_EVENT);
            updates.add(row.relationshipId(), row.officerId(), row.partnerId(), settled, model);
            changes.addAll(settled.changes());
        });
        if (!updates.isEmpty()) {
            dao.update(orgId, updates, now);
        }
        changeLog.append(handle, orgId, changes, now);
    }

    private static Map<UUID, StoredScore> byId(List<StoredScore> rows) {
        Map<UUID, StoredScore> byId = new LinkedHashMap<>();
        rows.forEach(score -> byId.put(score.row().relationshipId(), score));
        return byId;
    }
}
