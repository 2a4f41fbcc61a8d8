package io.rapport.server.score.write;

import io.rapport.server.score.engine.CountedEvent;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.ScoringModel;
import io.rapport.server.score.engine.WeekChange;
import io.rapport.server.score.engine.WeekWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Reads a row's 7-day window again from usage_event when the row's own no longer covers it (the sum of its
 * younger contributions has begun to leave the window, {@link WeekWindow#knownAt}): one set-based statement
 * for all such rows of a batch, through usage_event_timeline. Rare: a row keeps its 16 oldest contributions
 * one by one, so only a partner with a busy week needs it, once per 16 contributions that leave.
 */
public final class WeekWindows {
    /**
     * Events count as scoring counts them: never after their receipt, a daily-capped type once a day at the
     * day's start; only those inside the window ending at {@code now}.
     */
    private static final String CONTRIBUTIONS = """
            WITH w AS (SELECT * FROM unnest(CAST(:types AS text[]), CAST(:weights AS float8[])) AS w(type, weight)),
            raw_ev AS (
                SELECT e.relationship_id, e.type, least(e.occurred_at, e.received_at) AS at
                FROM usage_event e
                WHERE e.org_id = :orgId AND e.relationship_id = ANY(CAST(:ids AS uuid[])) AND e.occurred_at > :since),
            counted AS (
                SELECT relationship_id, type, at FROM raw_ev WHERE NOT (type = ANY(CAST(:capped AS text[])))
                UNION ALL
                SELECT DISTINCT relationship_id, type, to_timestamp(floor(extract(epoch FROM at) / 86400) * 86400)
                FROM raw_ev WHERE type = ANY(CAST(:capped AS text[])))
            SELECT c.relationship_id, c.at, w.weight
            FROM counted c JOIN w ON w.type = c.type
            WHERE c.at > :since AND w.weight <> 0
            """;

    private WeekWindows() {
    }

    /** Whether a window for {@code now} must be read again for this state. */
    public static boolean stale(ScoreState state, Instant now) {
        return !state.window().knownAt(now);
    }

    /** The windows of these relationships as of {@code now}, from their events. */
    public static Map<UUID, WeekWindow> read(Handle handle, UUID orgId, List<UUID> ids, ScoringModel model, Instant now) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<CountedEvent>> byRelationship = new HashMap<>();
        ids.forEach(id -> byRelationship.put(id, new ArrayList<>()));
        List<Map.Entry<String, Double>> weights = List.copyOf(model.weights().entrySet());
        handle.createQuery(CONTRIBUTIONS)
                .bind("orgId", orgId)
                .bind("ids", ids.toArray(UUID[]::new))
                .bind("types", weights.stream().map(Map.Entry::getKey).toArray(String[]::new))
                .bind("weights", weights.stream().map(Map.Entry::getValue).toArray(Double[]::new))
                .bind("capped", model.dailyCap().toArray(String[]::new))
                // from the window's start, not keptFrom: a contribution of the margin would go into the sum (it is
                // younger than the 16 oldest only if 16 more precede it) and leave the window unknown again
                .bindByType("since", now.minus(WeekChange.WINDOW), Instant.class)
                .map((rs, ctx) -> Map.entry(rs.getObject("relationship_id", UUID.class),
                        new CountedEvent(rs.getTimestamp("at").toInstant(), rs.getDouble("weight"))))
                .forEach(e -> byRelationship.get(e.getKey()).add(e.getValue()));
        Map<UUID, WeekWindow> windows = new HashMap<>();
        byRelationship.forEach((id, contributions) -> windows.put(id, WeekWindow.of(contributions, model.halfLife())));
        return windows;
    }

    /** The states whose window no longer covers {@code now}, with it read again; the others as they are. */
    public static Map<UUID, ScoreState> covering(Handle handle, UUID orgId, Map<UUID, ScoreState> states,
                                                 ScoringModel model, Instant now) {
        List<UUID> stale = states.entrySet().stream().filter(e -> stale(e.getValue(), now)).map(Map.Entry::getKey).toList();
        if (stale.isEmpty()) {
            return states;
        }
        Map<UUID, ScoreState> covering = new HashMap<>(states);
        read(handle, orgId, stale, model, now).forEach((id, window) -> covering.put(id, states.get(id).withWindow(window)));
        return covering;
    }

    /** What a window from {@code now} on can hold: after its start, less the margin for other nodes' clocks. */
    public static Instant keptFrom(Instant now) {
        return now.minus(WeekChange.WINDOW).minus(WeekChange.KEPT_AFTER_WINDOW);
    }
}
