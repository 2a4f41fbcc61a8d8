package io.rapport.server.oversight;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.score.engine.Stage;
import io.rapport.server.score.engine.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Oversight for relationship managers and central strategy (DESIGN §4), from the stored scores. */
public class OversightService {
    static final Duration MOVEMENT_WINDOW = Duration.ofDays(30);
    static final Duration REFERRAL_WINDOW = Duration.ofDays(90);
    static final Duration FEEDBACK_WINDOW = Duration.ofDays(180);
    static final int CONSISTENCY_WEEKS = 12;
    private final Jdbi jdbi;
    private final Clock clock;

    public OversightService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public OversightSummary branch(UUID orgId, UUID branchId) {
        return jdbi.inTransaction(handle -> {
            OversightDao dao = handle.attach(OversightDao.class);
            if (!dao.branchExists(orgId, branchId)) {
                throw ApiProblemException.notFound("Branch " + branchId);
            }
            return summarize(dao, orgId, branchId);
        });
    }

    public OversightSummary organization(UUID orgId) {
        return jdbi.inTransaction(handle -> summarize(handle.attach(OversightDao.class), orgId, null));
    }

    private OversightSummary summarize(OversightDao dao, UUID orgId, UUID branchId) {
        Instant now = clock.instant();
        List<OversightDao.OfficerRef> officers = dao.officers(orgId, branchId);
        UUID[] ids = officers.stream().map(OversightDao.OfficerRef::officerId).toArray(UUID[]::new);
        Map<String, Integer> tiers = zeroes(Tier.values(), Tier::code);
        Map<String, Integer> stages = zeroes(Stage.values(), Stage::code);
        for (OversightDao.Bucket bucket : dao.buckets(orgId, ids)) {
            tiers.merge(bucket.tier(), bucket.count(), Integer::sum);
            stages.merge(bucket.stage(), bucket.count(), Integer::sum);
        }
        int ups = 0;
        int downs = 0;
        for (OversightDao.Move move : dao.tierMoves(orgId, ids, now.minus(MOVEMENT_WINDOW))) {
            int direction = Tier.fromCode(move.toValue()).compareTo(Tier.fromCode(move.fromValue()));
            ups += direction > 0 ? 1 : 0;
            downs += direction < 0 ? 1 : 0;
        }
        Map<UUID, OversightDao.OfficerFigures> figures = dao.officerFigures(orgId, ids, now, now.minus(FEEDBACK_WINDOW),
                        now.minus(Duration.ofDays(7L * CONSISTENCY_WEEKS))).stream()
                .collect(Collectors.toMap(OversightDao.OfficerFigures::officerId, Function.identity()));
        List<OversightSummary.OfficerHabits> habits = officers.stream().map(o -> {
            OversightDao.OfficerFigures f = figures.get(o.officerId());
            Double coverage = f.engaged() == 0 ? null : (double) f.engagedWithFeedback() / f.engaged();
            return new OversightSummary.OfficerHabits(o.officerId(), o.displayName(), f.relationships(),
                    (double) f.meetingWeeks() / CONSISTENCY_WEEKS, coverage);
        }).toList();
        return new OversightSummary(now, tiers, stages, ups, downs,
                dao.referrals(orgId, ids, now.minus(REFERRAL_WINDOW), now), habits);
    }

    private static <E> Map<String, Integer> zeroes(E[] values, Function<E, String> code) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (E value : values) {
            counts.put(code.apply(value), 0);
        }
        return counts;
    }
}
