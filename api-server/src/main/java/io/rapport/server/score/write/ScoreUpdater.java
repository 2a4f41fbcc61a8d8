package io.rapport.server.score.write;

import io.rapport.server.common.jdbi.SqlObjects;
import io.rapport.server.event.AcceptedEvent;
import io.rapport.server.event.AcceptedEventsListener;
import io.rapport.server.score.RecordedChanges.ReadyForMeeting;
import io.rapport.server.score.engine.ScoreChange;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.ScoringEvent;
import io.rapport.server.score.engine.ScoringModel;
import io.rapport.server.score.engine.Stage;
import io.rapport.server.score.engine.Tier;
import io.rapport.server.score.engine.WeekWindow;
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
 * time, ranking key, readiness for a meeting) and written back with one set-based statement. A
 * relationship scored for the first time is inserted instead; if a concurrent batch inserted it first,
 * it is locked and folded like any stored row.
 */
public class ScoreUpdater implements AcceptedEventsListener {
    /** What a relationship never scored before is compared against: the columns' defaults. */
    private static final Settlement.Recorded NEW_ROW = new Settlement.Recorded(Tier.COLD.code(), Stage.TECHNOSHIP.code(),
            null);
    private static final ScoreState NEW_STATE = new ScoreState(ScoreState.EMPTY.total(), ScoreState.EMPTY.shortTerm(),
            ScoreState.EMPTY.appSignals(), Map.of(), ScoreState.EMPTY.facts(), ScoreState.EMPTY.advice(), Map.of(), WeekWindow.EMPTY,
            null, Tier.COLD);

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
                    .add(ScoringEvent.of(event.type(), event.occurredAt(), event.receivedAt()));
            firstOf.putIfAbsent(event.relationshipId(), event);
        }

        ScoreDao dao = handle.attach(ScoreDao.class);
        Map<UUID, LockedScore> stored = byId(dao.lock(orgId, byRelationship.keySet().toArray(UUID[]::new)));
        List<ScoreChange> changes = new ArrayList<>();
        List<ReadyForMeeting> ready = new ArrayList<>();
        List<UUID> fresh = byRelationship.keySet().stream().filter(id -> !stored.containsKey(id)).toList();
        if (!fresh.isEmpty()) {
            ScoreWrites inserts = new ScoreWrites();
            Map<UUID, Settlement> insertSettled = new HashMap<>();
            Map<UUID, ScoreState> folded = new HashMap<>();
            fresh.forEach(id -> folded.put(id, NEW_STATE.fold(byRelationship.get(id), model, WeekWindows.keptFrom(now))));
            Map<UUID, ScoreState> covering = WeekWindows.covering(handle, orgId, folded, model, now);
            for (UUID id : fresh) {
                AcceptedEvent first = firstOf.get(id);
                Settlement settled = Settlement.of(id, first.officerId(), first.partnerId(), covering.get(id), NEW_ROW,
                        model, now, ScoreChange.BY_EVENT);
                inserts.add(id, first.officerId(), first.partnerId(), settled, model);
                insertSettled.put(id, settled);
            }
            Set<UUID> inserted = new HashSet<>(dao.insertNew(orgId, inserts, model.version(), now));
            inserted.forEach(id -> collect(insertSettled.get(id), changes, ready));
            UUID[] raced = fresh.stream().filter(id -> !inserted.contains(id)).toArray(UUID[]::new);
            if (raced.length > 0) {
                stored.putAll(byId(dao.lock(orgId, raced)));
            }
        }

        ScoreWrites updates = new ScoreWrites();
        Map<UUID, ScoreState> folded = new HashMap<>();
        stored.forEach((id, locked) -> folded.put(id,
                locked.score().toState().fold(byRelationship.get(id), model, WeekWindows.keptFrom(now))));
        Map<UUID, ScoreState> covering = WeekWindows.covering(handle, orgId, folded, model, now);
        stored.values().forEach(locked -> {
            ScoreRow row = locked.score().row();
            Settlement settled = Settlement.of(row, covering.get(row.relationshipId()), model, now, ScoreChange.BY_EVENT);
            updates.add(locked, settled, model);
            collect(settled, changes, ready);
        });
        if (!updates.isEmpty()) {
            dao.update(orgId, updates, now);
        }
        changeLog.append(handle, orgId, changes, ready, now);
    }

    private static void collect(Settlement settled, List<ScoreChange> changes, List<ReadyForMeeting> ready) {
        changes.addAll(settled.changes());
        if (settled.readyNow() != null) {
            ready.add(settled.readyNow());
        }
    }

    private static Map<UUID, LockedScore> byId(List<LockedScore> rows) {
        Map<UUID, LockedScore> byId = new LinkedHashMap<>();
        rows.forEach(locked -> byId.put(locked.score().row().relationshipId(), locked));
        return byId;
    }
}
