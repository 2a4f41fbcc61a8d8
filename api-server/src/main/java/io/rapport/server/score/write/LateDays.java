package io.rapport.server.score.write;

import io.rapport.server.event.AcceptedEvent;
import io.rapport.server.score.engine.CountedDays;
import io.rapport.server.score.engine.ScoringEvent;
import io.rapport.server.score.engine.ScoringModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which days a daily-capped type had already counted, for the batch's late events only: an event of a day
 * after the row's latest counted day is new, one of that day is not, and only one of an earlier day needs
 * the database (events arrive in order almost always, so the query is rare). The row is locked, so the
 * events the query sees are exactly those the row has folded.
 */
final class LateDays {
    private LateDays() {
    }

    /** One query for all the batch's late capped events; {@link CountedDays#NONE} when there are none. */
    static CountedDays lookUp(ScoreDao dao, UUID orgId, Map<UUID, StoredScore> stored,
                              Map<UUID, List<ScoringEvent>> byRelationship, List<AcceptedEvent> batch, ScoringModel model) {
        List<UUID> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Long> days = new ArrayList<>();
        stored.forEach((id, score) -> {
            for (ScoringEvent event : byRelationship.get(id)) {
                Long latest = score.cappedDays().get(event.type());
                if (model.cappedDaily(event.type()) && latest != null && event.epochDay() < latest) {
                    ids.add(id);
                    types.add(event.type());
                    days.add(event.epochDay());
                }
            }
        });
        if (ids.isEmpty()) {
            return CountedDays.NONE;
        }
        Set<String> counted = new HashSet<>();
        dao.countedDays(orgId, ids.toArray(UUID[]::new), types.toArray(String[]::new), days.toArray(Long[]::new),
                        batch.stream().map(AcceptedEvent::eventId).toArray(UUID[]::new))
                .forEach(d -> counted.add(key(d.relationshipId(), d.type(), d.day())));
        return (relationshipAndType, day) -> counted.contains(relationshipAndType + '@' + day);
    }

    /** The answers for one relationship. */
    static CountedDays of(CountedDays all, UUID relationshipId) {
        return all == CountedDays.NONE ? all : (type, day) -> all.counted(relationshipId + "/" + type, day);
    }

    private static String key(UUID relationshipId, String type, long day) {
        return relationshipId + "/" + type + '@' + day;
    }
}
