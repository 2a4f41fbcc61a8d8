package io.rapport.server.score.write;

import io.rapport.server.score.engine.CountedDays;
import io.rapport.server.score.engine.InterestSum;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.ScoringModel;
import io.rapport.server.score.engine.WeekWindow;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@code relationship_score} row with its per-type sums, which are kept at the row's own
 * {@code ref_time} so that they add up to the total, the UTC days counted per daily-capped type, and the
 * contributions of the last days, from which the 7-day change is computed.
 */
public record StoredScore(ScoreRow row, Map<String, Double> typeRaws, Map<String, CountedDays> cappedDays,
                          WeekWindow window) {

    public StoredScore {
        typeRaws = Map.copyOf(typeRaws);
        cappedDays = Map.copyOf(cappedDays);
    }

    public ScoreState toState() {
        Map<String, InterestSum> byType = new HashMap<>();
        typeRaws.forEach((type, raw) -> byType.put(type, new InterestSum(raw, row.refTime())));
        return row.toState(byType, cappedDays, window);
    }

    /**
     * The per-type sums of a state expressed at {@code refTime}, the total's reference time, which is
     * never before any type's own (it is the latest event of all).
     */
    static Map<String, Double> typeRawsAt(ScoreState state, Instant refTime, ScoringModel model) {
        Map<String, Double> raws = new HashMap<>();
        state.byType().forEach((type, sum) -> raws.put(type, sum.valueAt(refTime, model.halfLife())));
        return raws;
    }
}
