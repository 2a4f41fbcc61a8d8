package io.rapport.server.score.report;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.ScoreReportsApi;
import io.rapport.server.generated.model.DigestActivity;
import io.rapport.server.generated.model.DigestNextStep;
import io.rapport.server.generated.model.DigestReferral;
import io.rapport.server.generated.model.OfficerDigest;
import io.rapport.server.generated.model.ScoreHistory;
import io.rapport.server.generated.model.ScoreHistoryDay;
import io.rapport.server.score.read.ScoreDtos;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;

public class ScoreReportResource implements ScoreReportsApi {
    private final ScoreReportService reports;

    public ScoreReportResource(ScoreReportService reports) {
        this.reports = reports;
    }

    @Override
    public Response getScoreHistory(UUID relationshipId, Integer days) {
        return Response.ok(new ScoreHistory().relationshipId(relationshipId).days(
                reports.history(Callers.orgId(), relationshipId, days).stream()
                        .map(d -> new ScoreHistoryDay().date(d.date()).score(d.score())
                                .tier(io.rapport.server.generated.model.Tier.fromValue(d.tier().code())))
                        .toList())).build();
    }

    @Override
    public Response getOfficerDigest(UUID officerId, LocalDate date) {
        Digest digest = reports.digest(Callers.orgId(), officerId, date);
        return Response.ok(new OfficerDigest()
                .officerId(digest.officerId())
                .date(digest.date())
                .activity(digest.activity().stream().map(a -> new DigestActivity().partnerId(a.partnerId())
                        .partnerName(a.partnerName()).events(a.events())).toList())
                .changes(digest.changes().stream().map(ScoreDtos::change).toList())
                .referrals(digest.referrals().stream().map(r -> new DigestReferral().partnerId(r.partnerId())
                        .partnerName(r.partnerName()).occurredAt(Timestamps.utc(r.occurredAt()))).toList())
                .nextSteps(digest.nextSteps().stream().map(s -> new DigestNextStep().partnerId(s.partnerId())
                        .partnerName(s.partnerName()).score(s.score())
                        .tier(io.rapport.server.generated.model.Tier.fromValue(s.tier().code()))
                        .nextStep(ScoreDtos.nextStep(s.nextStep())).relationshipId(s.relationshipId())
                        .whyNow(s.whyNow())).toList()))
                .build();
    }
}
