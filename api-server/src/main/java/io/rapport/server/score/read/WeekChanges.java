package io.rapport.server.score.read;

import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.score.engine.InterestScore;
import io.rapport.server.score.engine.InterestSum;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.ScoringModel;
import io.rapport.server.score.engine.WeekChange;
import io.rapport.server.score.engine.WeekWindow;
import io.rapport.server.score.model.ScoringModels;
import io.rapport.server.score.read.WeekChangeDao.ChangeRow;
import io.rapport.server.score.write.ScoreRow;
import io.rapport.server.score.write.WeekWindows;
import java.time.Clock;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * An officer's ranked partners sorted by {@code scoreChange7d}, largest first. The change is stored with
 * each score row when it is written, with the instant it stops holding, and indexed, so a page is an index
 * scan like the score sort's, whatever the officer's partner count. A row whose change stopped holding is
 * due, and the sweep computes it again; until it has, a read computes it from the row's recent contributions
 * and merges it in, so every page is exact at the instant it is read.
 */
public class WeekChanges {
    /** The {@code sort} wire value of the change sort. */
    public static final String SORT = "change7d";
    private final Jdbi jdbi;
    private final Clock clock;
    private final ScoringModels models;
    /** Statement texts by filters, keyset position and page size: built once each, not per request. */
    private final Map<Integer, String> texts = new ConcurrentHashMap<>();

    public WeekChanges(Jdbi jdbi, Clock clock, ScoringModels models) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.models = models;
    }

    /** The officer's partners, largest change first; the keyset cursor never skips or repeats a row whose values hold. */
    public Page<RankedPartner> byChange(UUID orgId, UUID officerId, ScoreService.RankQuery query, String cursor, int limit) {
        ChangeCursor after = ChangeCursor.decode(cursor);
        Instant now = clock.instant();
        String sql = texts.computeIfAbsent(RankFilters.shape(query) << 17 | (after != null ? 1 << 16 : 0) | (limit + 1),
                key -> WeekChangeDao.page(query, after != null, limit + 1));
        return jdbi.inTransaction(handle -> {
            ScoringModel model = models.current(handle, orgId);
            RankFilters.customPlan(handle);
            List<ChangeRow> rows = read(handle, sql, orgId, officerId, query, after, now);
            Map<UUID, WeekWindow> reread = WeekWindows.read(handle, orgId, rows.stream()
                    .filter(row -> row.stored() == null && !row.window().knownAt(now))
                    .map(row -> row.ranked().score().relationshipId()).toList(), model, now);
            List<RankedPartner> candidates = new ArrayList<>();
            for (ChangeRow row : rows) {
                WeekChange change = row.stored() != null ? row.stored() : computed(row.ranked().score(),
                        reread.getOrDefault(row.ranked().score().relationshipId(), row.window()), now, model);
                candidates.add(ranked(row, change, now, model));
            }
            if (candidates.isEmpty() && !handle.attach(ScoreReadDao.class).officerExists(orgId, officerId)) {
                throw ApiProblemException.notFound("Officer " + officerId);
            }
            List<RankedPartner> rest = candidates.stream()
                    .filter(p -> after == null || after.precedes(p))
                    .sorted(ChangeCursor.ORDER)
                    .limit(limit + 1L)
                    .toList();
            List<RankedPartner> items = rest.size() > limit ? rest.subList(0, limit) : rest;
            String next = rest.size() > limit ? ChangeCursor.after(items.get(limit - 1)).encode() : null;
            return new Page<>(items, next);
        });
    }

    private static List<ChangeRow> read(Handle handle, String sql, UUID orgId, UUID officerId,
                                        ScoreService.RankQuery query, ChangeCursor after, Instant now) {
        Query statement = RankFilters.bind(handle.createQuery(sql), query, now)
                .bind("orgId", orgId)
                .bind("officerId", officerId)
                .bindByType("now", now, Instant.class);
        if (after != null) {
            statement.bind("afterChange", after.change()).bind("afterScore", after.score())
                    .bindByType("afterId", after.relationshipId(), UUID.class);
        }
        return statement.scanResultSet((results, ctx) -> {
            ResultSet rs = results.get();
            List<ChangeRow> rows = new ArrayList<>();
            if (rs.next()) {
                RowMapper<ChangeRow> mapper = WeekChangeDao.ChangeRowMapper.of(rs, ctx);
                do {
                    rows.add(mapper.map(rs, ctx));
                } while (rs.next());
            }
            return rows;
        });
    }

    /** The change of a row the sweep has not brought up to date yet. */
    private static WeekChange computed(ScoreRow score, WeekWindow window, Instant now, ScoringModel model) {
        return WeekChange.of(new InterestSum(score.raw(), score.refTime()), window, now, model);
    }

    private static RankedPartner ranked(ChangeRow row, WeekChange change, Instant now, ScoringModel model) {
        ScoreRow score = row.ranked().score();
        ScoreState state = score.toState();
        ScoredRelationship scored = new ScoredRelationship(score.relationshipId(), score.officerId(), score.partnerId(),
                row.ranked().partnerName(), row.ranked().partnerType(), state, InterestScore.of(state, now, model), 0);
        return new RankedPartner(scored, change.change());
    }
}
