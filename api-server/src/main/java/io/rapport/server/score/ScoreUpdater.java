package io.rapport.server.score;

import io.rapport.server.common.jdbi.SqlObjects;
import io.rapport.server.event.AcceptedEvent;
import io.rapport.server.event.AcceptedEventsListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Folds accepted events into the stored scores inside the ingest transaction. The batch is folded in
 * Java first, so the database sees one row per relationship and one per relationship and type,
 * whatever the batch size; the merge with the stored sums happens in SQL under the row lock, so
 * concurrent batches on one relationship serialise and stay exact.
 */
public class ScoreUpdater implements AcceptedEventsListener {
    private final Clock clock;
    private final ScoringModels models;

    public ScoreUpdater(Jdbi jdbi, Clock clock, ScoringModels models) {
        SqlObjects.warm(jdbi, ScoreDao.class, ScoreChangeDao.class, ScoringModelDao.class);
        this.clock = clock;
        this.models = models;
    }

    @Override
    public void onAccepted(Handle handle, UUID orgId, List<AcceptedEvent> events) {
        ScoringModel model = models.lockedForIngest(handle, orgId, clock.instant());
        Map<UUID, List<AcceptedEvent>> byRelationship = new LinkedHashMap<>();
        events.forEach(e -> byRelationship.computeIfAbsent(e.relationshipId(), id -> new ArrayList<>()).add(e));
        List<BatchFold> folds = byRelationship.values().stream().map(list -> BatchFold.of(list, model)).toList();

        ScoreDao dao = handle.attach(ScoreDao.class);
        List<ScoreRow> rows = dao.mergeTotals(orgId,
                folds.stream().map(BatchFold::relationshipId).toArray(UUID[]::new),
                folds.stream().map(BatchFold::officerId).toArray(UUID[]::new),
                folds.stream().map(BatchFold::partnerId).toArray(UUID[]::new),
                folds.stream().map(f -> f.state().total().raw()).toArray(Double[]::new),
                folds.stream().map(f -> f.state().shortTerm().raw()).toArray(Double[]::new),
                folds.stream().map(f -> string(f.state().total().refTime())).toArray(String[]::new),
                folds.stream().map(f -> string(f.state().facts().lastMeetingAt())).toArray(String[]::new),
                folds.stream().map(f -> string(f.state().facts().lastFeedbackAt())).toArray(String[]::new),
                folds.stream().map(f -> string(f.state().facts().lastReferralAt())).toArray(String[]::new),
                folds.stream().map(f -> string(f.state().facts().previousReferralAt())).toArray(String[]::new),
                Decay.seconds(model.halfLife()), Decay.seconds(model.shortHalfLife()), model.version(), clock.instant());
        mergeTypes(dao, orgId, folds, model);
        ScoreSettler.settle(handle, orgId, rows, model, clock.instant(), ScoreChange.BY_EVENT);
    }

    private static void mergeTypes(ScoreDao dao, UUID orgId, List<BatchFold> folds, ScoringModel model) {
        List<UUID> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Double> raws = new ArrayList<>();
        List<String> refTimes = new ArrayList<>();
        for (BatchFold fold : folds) {
            fold.state().byType().forEach((type, sum) -> {
                ids.add(fold.relationshipId());
                types.add(type);
                raws.add(sum.raw());
                refTimes.add(string(sum.refTime()));
            });
        }
        dao.mergeTypes(orgId, ids.toArray(UUID[]::new), types.toArray(String[]::new), raws.toArray(Double[]::new),
                refTimes.toArray(String[]::new), Decay.seconds(model.halfLife()));
    }

    private static String string(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** One relationship's share of a batch, folded. */
    private record BatchFold(UUID relationshipId, UUID officerId, UUID partnerId, ScoreState state) {
        static BatchFold of(List<AcceptedEvent> events, ScoringModel model) {
            AcceptedEvent first = events.get(0);
            ScoreState state = ScoreState.EMPTY.fold(
                    events.stream().map(e -> new ScoringEvent(e.type(), e.occurredAt())).toList(), model);
            return new BatchFold(first.relationshipId(), first.officerId(), first.partnerId(), state);
        }
    }
}
