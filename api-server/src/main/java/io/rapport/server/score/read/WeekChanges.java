package io.rapport.server.score.read;

import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.score.engine.Decay;
import io.rapport.server.score.engine.InterestScore;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.ScoringModel;
import io.rapport.server.score.engine.WeekChange;
import io.rapport.server.score.model.ScoringModelDao;
import io.rapport.server.score.model.ScoringModels;
import io.rapport.server.score.write.ScoreRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * An officer's ranked partners sorted by {@code scoreChange7d}. The change is not time-invariant like
 * the rank key, so it cannot be indexed: this reads all of the officer's (filtered) rows and the last
 * 7 days of their events in two set-based queries and sorts in Java. An officer has at most a few
 * thousand partners, so that stays acceptable for this sort. The other sorts do not compute the
 * change: summing each row's week of events on every page cost the score sort more than half its
 * throughput in ScoreBenchmark, where every event is recent.
 */
public class WeekChanges {
    /** The {@code sort} wire value of the change sort. */
    public static final String SORT = "change7d";
    private final Clock clock;
    private final ScoringModels models;
    private final WeekChangeDao dao;
    private final ScoreReadDao reads;
    private final ScoringModelDao modelReads;

    public WeekChanges(Jdbi jdbi, Clock clock, ScoringModels models) {
        this.clock = clock;
        this.models = models;
        this.dao = jdbi.onDemand(WeekChangeDao.class);
        this.reads = jdbi.onDemand(ScoreReadDao.class);
        this.modelReads = jdbi.onDemand(ScoringModelDao.class);
    }

    /** The officer's partners, largest change first; the keyset cursor never skips or repeats a row whose values hold. */
    public Page<RankedPartner> byChange(UUID orgId, UUID officerId, ScoreService.RankQuery query, String cursor, int limit) {
        ChangeCursor after = ChangeCursor.decode(cursor);
        Instant now = clock.instant();
        ScoringModel model = models.current(modelReads, orgId);
        ScoreReadDao.RankFilter filter = new ScoreReadDao.RankFilter(query.tier(), query.stage(), query.trend(),
                query.partnerType(), null, null, null, now, Decay.seconds(model.halfLife()),
                Decay.seconds(model.shortHalfLife()));
        List<ScoredRelationship> all = dao.officerRows(orgId, officerId, filter).stream()
                .map(r -> scored(r, now, model)).toList();
        if (all.isEmpty() && !reads.officerExists(orgId, officerId)) {
            throw ApiProblemException.notFound("Officer " + officerId);
        }
        Map<UUID, Double> window = windowInterest(orgId, all, now, model);
        List<RankedPartner> rest = all.stream().map(s -> ranked(s, window, now, model))
                .filter(p -> after == null || after.precedes(p))
                .sorted(ChangeCursor.ORDER)
                .limit(limit + 1L)
                .toList();
        List<RankedPartner> items = rest.size() > limit ? rest.subList(0, limit) : rest;
        String next = rest.size() > limit ? ChangeCursor.after(items.get(limit - 1)).encode() : null;
        return new Page<>(items, next);
    }

    private Map<UUID, Double> windowInterest(UUID orgId, List<ScoredRelationship> scored, Instant now, ScoringModel model) {
        List<Map.Entry<String, Double>> weights = List.copyOf(model.weights().entrySet());
        UUID[] ids = scored.stream().map(ScoredRelationship::relationshipId).toArray(UUID[]::new);
        return dao.windowInterest(orgId, ids, weights.stream().map(Map.Entry::getKey).toArray(String[]::new),
                        weights.stream().map(Map.Entry::getValue).toArray(Double[]::new),
                        model.dailyCap().toArray(String[]::new), WeekChange.windowStart(now),
                        now, Decay.seconds(model.halfLife()))
                .stream().collect(Collectors.toMap(WeekChangeDao.WindowInterest::relationshipId,
                        WeekChangeDao.WindowInterest::interest));
    }

    private static RankedPartner ranked(ScoredRelationship scored, Map<UUID, Double> window, Instant now,
                                        ScoringModel model) {
        double recent = window.getOrDefault(scored.relationshipId(), 0.0);
        return new RankedPartner(scored, WeekChange.of(scored.score().interest(), recent, now, model));
    }

    /** As the score sort reads a row (ScoreService keeps its own copy on the hot path). */
    private static ScoredRelationship scored(RankedScore ranked, Instant now, ScoringModel model) {
        ScoreRow row = ranked.score();
        ScoreState state = row.toState();
        return new ScoredRelationship(row.relationshipId(), row.officerId(), row.partnerId(), ranked.partnerName(),
                ranked.partnerType(), state, InterestScore.of(state, now, model), 0);
    }
}
