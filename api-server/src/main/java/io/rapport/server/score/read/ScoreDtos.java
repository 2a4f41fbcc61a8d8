package io.rapport.server.score.read;

import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.model.NextStep;
import io.rapport.server.generated.model.NextStepCode;
import io.rapport.server.generated.model.PartnerType;
import io.rapport.server.generated.model.RelationshipScore;
import io.rapport.server.generated.model.ScoreChangeCause;
import io.rapport.server.generated.model.ScoreChangeKind;
import io.rapport.server.generated.model.ScoreContribution;
import io.rapport.server.generated.model.ScoredPartner;
import io.rapport.server.score.engine.InterestScore;
import io.rapport.server.score.engine.ScoreChange;
import io.rapport.server.score.engine.ScoreState;

/** Domain records to the contract's models. */
public final class ScoreDtos {
    private ScoreDtos() {
    }

    public static RelationshipScore relationshipScore(ScoredRelationship scored) {
        InterestScore score = scored.score();
        ScoreState state = scored.state();
        return new RelationshipScore()
                .relationshipId(scored.relationshipId())
                .officerId(scored.officerId())
                .partnerId(scored.partnerId())
                .asOf(Timestamps.utc(score.asOf()))
                .score(score.score())
                .interest(score.interest())
                .tier(io.rapport.server.generated.model.Tier.fromValue(score.tier().code()))
                .trend(io.rapport.server.generated.model.Trend.fromValue(score.trend().code()))
                .stage(io.rapport.server.generated.model.Stage.fromValue(score.stage().code()))
                .nextStep(nextStep(score.nextStep()))
                .explanation(score.explanation().stream()
                        .map(c -> new ScoreContribution().type(c.type()).share(c.share())).toList())
                .lastActivityAt(Timestamps.utc(state.lastActivityAt()))
                .lastMeetingAt(Timestamps.utc(state.facts().lastMeetingAt()))
                .lastFeedbackAt(Timestamps.utc(state.facts().lastFeedbackAt()))
                .referralsLast365Days(scored.referralsInWindow())
                .modelVersion(score.modelVersion());
    }

    public static ScoredPartner scoredPartner(ScoredRelationship scored) {
        InterestScore score = scored.score();
        return new ScoredPartner()
                .relationshipId(scored.relationshipId())
                .officerId(scored.officerId())
                .partnerId(scored.partnerId())
                .partnerName(scored.partnerName())
                .partnerType(PartnerType.fromValue(scored.partnerType()))
                .score(score.score())
                .tier(io.rapport.server.generated.model.Tier.fromValue(score.tier().code()))
                .trend(io.rapport.server.generated.model.Trend.fromValue(score.trend().code()))
                .stage(io.rapport.server.generated.model.Stage.fromValue(score.stage().code()))
                .nextStep(nextStep(score.nextStep()))
                .lastActivityAt(Timestamps.utc(scored.state().lastActivityAt()));
    }

    public static ScoredPartner rankedPartner(RankedPartner ranked) {
        return scoredPartner(ranked.scored()).scoreChange7d(ranked.scoreChange7d());
    }

    public static io.rapport.server.generated.model.ScoreChange change(ScoreChange change) {
        return new io.rapport.server.generated.model.ScoreChange()
                .id(FeedCursor.encode(change.seq()))
                .relationshipId(change.relationshipId())
                .officerId(change.officerId())
                .partnerId(change.partnerId())
                .kind(ScoreChangeKind.fromValue(change.kind()))
                .from(change.fromValue())
                .to(change.toValue())
                .score(change.score())
                .cause(ScoreChangeCause.fromValue(change.cause()))
                .changedAt(Timestamps.utc(change.changedAt()));
    }

    public static NextStep nextStep(io.rapport.server.score.engine.NextStep step) {
        return new NextStep().code(NextStepCode.fromValue(step.code())).reason(step.reason()).rule(step.rule())
                .fact(step.fact()).factAt(Timestamps.utc(step.factAt()));
    }
}
