package io.rapport.server.score.read;

import io.rapport.server.common.jdbi.SqlObjects;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.score.engine.InterestScore;
import io.rapport.server.score.engine.InterestSum;
import io.rapport.server.score.engine.ScoreChange;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.ScoringModel;
import io.rapport.server.score.engine.StageFacts;
import io.rapport.server.score.engine.Tier;
import io.rapport.server.score.model.ScoringModelDao;
import io.rapport.server.score.model.ScoringModels;
import io.rapport.server.score.write.ScoreChangeDao;
import io.rapport.server.score.write.ScoreDao;
import io.rapport.server.score.write.ScoreRow;
import io.rapport.server.score.write.StoredScore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Score reads, each computed for the clock's "now" from the stored sums. */
public class ScoreService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final ScoringModels models;
    private final ScoreReadDao reads;
    private final RankedReads ranked;

    public ScoreService(Jdbi jdbi, Clock clock, ScoringModels models) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.models = models;
        SqlObjects.warm(jdbi, ScoreReadDao.class, ScoringModelDao.class, ScoreDao.class, ScoreChangeDao.class);
        this.reads = jdbi.onDemand(ScoreReadDao.class);
        this.ranked = new RankedReads(jdbi, models);
    }

    public ScoredRelationship relationshipScore(UUID orgId, UUID relationshipId) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            ScoreReadDao reads = handle.attach(ScoreReadDao.class);
            ScoreReadDao.RelationshipRef ref = reads.relationship(orgId, relationshipId)
                    .orElseThrow(() -> ApiProblemException.notFound("Relationship " + relationshipId));
            ScoringModel model = models.current(handle, orgId);
            ScoreState state = handle.attach(ScoreDao.class).find(orgId, relationshipId).map(StoredScore::toState)
                    .orElse(ScoreState.EMPTY.settle(now, model));
            int referrals = reads.referralsSince(orgId, relationshipId, now.minus(StageFacts.REFERRAL_WINDOW));
            return new ScoredRelationship(ref.relationshipId(), ref.officerId(), ref.partnerId(), null, null, state,
                    InterestScore.of(state, now, model), referrals);
        });
    }

    /**
     * The hot read path: one statement reads the page with the model (no transaction needed), through
     * a reader made once.
     */
    public Page<ScoredRelationship> officerPartners(UUID orgId, UUID officerId, RankQuery query, String cursor, int limit) {
        boolean byActivity = RankQuery.BY_ACTIVITY.equals(query.sort());
        RankCursor after = RankCursor.decode(cursor, byActivity);
        Instant now = clock.instant();
        RankedReads.RankedPage page = ranked.page(orgId, officerId, query, after, byActivity, now, limit + 1);
        List<RankedScore> rows = page.rows();
        // rows are the org's own, so only an empty page needs to ask whether the officer exists
        if (rows.isEmpty()) {
            if (!reads.officerExists(orgId, officerId)) {
                throw ApiProblemException.notFound("Officer " + officerId);
            }
            return new Page<>(List.of(), null);
        }
        List<RankedScore> items = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? RankCursor.after(items.get(limit - 1), byActivity).encode() : null;
        ScoringModel model = page.model();
        List<ScoredRelationship> scored = new ArrayList<>(items.size());
        for (RankedScore item : items) {
            scored.add(scored(item, now, model));
        }
        return new Page<>(scored, next);
    }

    public List<ScoredRelationship> partnerScores(UUID orgId, UUID partnerId) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            ScoreReadDao reads = handle.attach(ScoreReadDao.class);
            if (!reads.partnerExists(orgId, partnerId)) {
                throw ApiProblemException.notFound("Partner " + partnerId);
            }
            ScoringModel model = models.current(handle, orgId);
            return reads.forPartner(orgId, partnerId).stream().map(r -> scored(r, now, model)).toList();
        });
    }

    /** Changes after the cursor, oldest first; the next cursor is returned even for an empty page. */
    public Page<ScoreChange> changes(UUID orgId, String afterCursor, int limit) {
        long after = FeedCursor.decode(afterCursor);
        List<ScoreChange> items = jdbi.withHandle(handle -> handle.attach(ScoreChangeDao.class).after(orgId, after, limit));
        long last = items.isEmpty() ? after : items.get(items.size() - 1).seq();
        return new Page<>(items, FeedCursor.encode(last));
    }

    private static ScoredRelationship scored(RankedScore ranked, Instant now, ScoringModel model) {
        ScoreRow row = ranked.score();
        ScoreState state = row.toState();
        return new ScoredRelationship(row.relationshipId(), row.officerId(), row.partnerId(), ranked.partnerName(),
                ranked.partnerType(), state, InterestScore.of(state, now, model), 0);
    }

    /** Ranked-list filters by their wire values; null does not filter. A null sort is by score. */
    public record RankQuery(String tier, String stage, String trend, String partnerType, String sort) {
        public static final String BY_ACTIVITY = "lastActivity";
    }
}
