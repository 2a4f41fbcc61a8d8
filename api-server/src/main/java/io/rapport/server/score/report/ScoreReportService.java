package io.rapport.server.score.report;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.score.engine.InterestScore;
import io.rapport.server.score.engine.ScoreMath;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.ScoringEvent;
import io.rapport.server.score.engine.ScoringModel;
import io.rapport.server.score.engine.Tier;
import io.rapport.server.score.model.ScoringModels;
import io.rapport.server.score.read.RankedScore;
import io.rapport.server.score.read.ScoreReadDao;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Reports recomputed from events and stored scores: score history and the officer's daily digest. */
public class ScoreReportService {
    static final int DIGEST_STEPS = 3;
    private final Jdbi jdbi;
    private final Clock clock;
    private final ScoringModels models;

    public ScoreReportService(Jdbi jdbi, Clock clock, ScoringModels models) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.models = models;
    }

    /**
     * The score at the end of each of the last {@code days} UTC days (today's as of now), replaying the
     * events with the current model; the tier follows the same hysteresis from day to day.
     */
    public List<HistoryDay> history(UUID orgId, UUID relationshipId, int days) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            handle.attach(ScoreReadDao.class).relationship(orgId, relationshipId)
                    .orElseThrow(() -> ApiProblemException.notFound("Relationship " + relationshipId));
            ScoringModel model = models.current(handle, orgId);
            List<ScoringEvent> events = handle.attach(ScoreReportDao.class).events(orgId, relationshipId, now);
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            List<HistoryDay> result = new ArrayList<>(days);
            ScoreState state = ScoreState.EMPTY;
            Tier tier = Tier.COLD;
            int next = 0;
            for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
                Instant end = day.equals(today) ? now : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                int from = next;
                boolean last = day.equals(today);
                while (next < events.size() && (last || events.get(next).at().isBefore(end))) {
                    next++;
                }
                // in time order: no day of a daily-capped type comes after a later one
                state = state.fold(events.subList(from, next), model);
                int score = ScoreMath.score(state.total().valueAt(end, model.halfLife()), model.k());
                tier = Tier.next(tier, score, model);
                result.add(new HistoryDay(day, score, tier));
            }
            return result;
        });
    }

    /** The digest for {@code date} (null: today): activity, changes and referrals of the day before. */
    public Digest digest(UUID orgId, UUID officerId, LocalDate date) {
        Instant now = clock.instant();
        LocalDate digestDate = date == null ? LocalDate.ofInstant(now, ZoneOffset.UTC) : date;
        Instant to = digestDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant from = digestDate.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return jdbi.inTransaction(handle -> {
            if (!handle.attach(ScoreReadDao.class).officerExists(orgId, officerId)) {
                throw ApiProblemException.notFound("Officer " + officerId);
            }
            ScoreReportDao dao = handle.attach(ScoreReportDao.class);
            ScoringModel model = models.current(handle, orgId);
            return new Digest(officerId, digestDate, activity(dao.activity(orgId, officerId, from, to)),
                    dao.changes(orgId, officerId, from, to), dao.referrals(orgId, officerId, from, to),
                    suggestions(dao.officerScores(orgId, officerId), now, model));
        });
    }

    private static List<Digest.Activity> activity(List<ScoreReportDao.PartnerActivity> rows) {
        Map<UUID, Digest.Activity> byPartner = new LinkedHashMap<>();
        for (ScoreReportDao.PartnerActivity row : rows) {
            byPartner.computeIfAbsent(row.partnerId(), id -> new Digest.Activity(id, row.partnerName(), new TreeMap<>()))
                    .events().put(row.type(), row.count());
        }
        return List.copyOf(byPartner.values());
    }

    /**
     * The three steps most worth doing today (DESIGN §4): the most time-sensitive first, ties by score; never
     * give_space, which asks the officer to do nothing.
     */
    static List<Digest.Suggestion> suggestions(List<RankedScore> rows, Instant now, ScoringModel model) {
        return rows.stream()
                .map(r -> {
                    InterestScore score = InterestScore.of(r.score().toState(), now, model);
                    DigestPriority priority = DigestPriority.of(score.nextStep(), r.score().toState().advice(),
                            r.score().lastReferralAt(), now);
                    return new Digest.Suggestion(r.score().relationshipId(), r.score().partnerId(), r.partnerName(),
                            score.score(), score.tier(), score.nextStep(), priority.rank(), priority.whyNow());
                })
                .filter(s -> s.rank() != DigestPriority.NEVER)
                .sorted(Comparator.comparingInt(Digest.Suggestion::rank)
                        .thenComparing(Comparator.comparingInt(Digest.Suggestion::score).reversed())
                        .thenComparing(Digest.Suggestion::partnerId))
                .limit(DIGEST_STEPS)
                .toList();
    }
}
