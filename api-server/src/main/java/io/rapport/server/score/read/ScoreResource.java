package io.rapport.server.score.read;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.paging.Page;
import io.rapport.server.generated.api.ScoresApi;
import io.rapport.server.generated.model.PartnerSort;
import io.rapport.server.generated.model.PartnerType;
import io.rapport.server.generated.model.RelationshipScore;
import io.rapport.server.generated.model.ScoreChangePage;
import io.rapport.server.generated.model.ScoredPartner;
import io.rapport.server.generated.model.ScoredPartnerPage;
import io.rapport.server.score.engine.ScoreChange;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

public class ScoreResource implements ScoresApi {
    private final ScoreService scores;
    private final WeekChanges weekChanges;

    public ScoreResource(ScoreService scores, WeekChanges weekChanges) {
        this.scores = scores;
        this.weekChanges = weekChanges;
    }

    @Override
    public Response getRelationshipScore(UUID relationshipId) {
        return Response.ok(toDto(scores.relationshipScore(Callers.orgId(), relationshipId))).build();
    }

    @Override
    public Response listOfficerPartners(UUID officerId, Integer limit, String cursor,
                                        io.rapport.server.generated.model.Tier tier,
                                        io.rapport.server.generated.model.Stage stage,
                                        io.rapport.server.generated.model.Trend trend, PartnerType partnerType,
                                        PartnerSort sort) {
        var query = new ScoreService.RankQuery(wire(tier), wire(stage), wire(trend), wire(partnerType), wire(sort));
        Page<RankedPartner> page = WeekChanges.SORT.equals(query.sort())
                ? weekChanges.byChange(Callers.orgId(), officerId, query, cursor, limit)
                                // the other sorts stay one index scan: the change would cost a scan of each row's week of events
                : scores.officerPartners(Callers.orgId(), officerId, query, cursor, limit).map(RankedPartner::withoutChange);
        return Response.ok(new ScoredPartnerPage().items(page.map(ScoreDtos::rankedPartner).items())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response listPartnerScores(UUID partnerId) {
        return Response.ok(new ScoredPartnerPage().items(scores.partnerScores(Callers.orgId(), partnerId).stream()
                .map(ScoreResource::toListDto).toList())).build();
    }

    @Override
    public Response listScoreChanges(String cursor, String after, Integer limit) {
        Page<ScoreChange> page = scores.changes(Callers.orgId(), FeedCursor.of(cursor, after), limit);
        return Response.ok(new ScoreChangePage().items(page.map(ScoreDtos::change).items())
                .nextCursor(page.nextCursor())).build();
    }

    private static RelationshipScore toDto(ScoredRelationship scored) {
        return ScoreDtos.relationshipScore(scored);
    }

    private static ScoredPartner toListDto(ScoredRelationship scored) {
        return ScoreDtos.scoredPartner(scored);
    }

    private static String wire(Object contractEnum) {
        return contractEnum == null ? null : contractEnum.toString();
    }
}
