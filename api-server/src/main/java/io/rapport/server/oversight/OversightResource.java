package io.rapport.server.oversight;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.OversightApi;
import io.rapport.server.generated.model.OfficerOversight;
import io.rapport.server.generated.model.StageCounts;
import io.rapport.server.generated.model.TierCounts;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

public class OversightResource implements OversightApi {
    private final OversightService oversight;

    public OversightResource(OversightService oversight) {
        this.oversight = oversight;
    }

    @Override
    public Response getBranchSummary(UUID branchId) {
        return Response.ok(toDto(oversight.branch(Callers.orgId(), branchId))).build();
    }

    @Override
    public Response getOrgSummary() {
        return Response.ok(toDto(oversight.organization(Callers.orgId()))).build();
    }

    private static io.rapport.server.generated.model.OversightSummary toDto(OversightSummary s) {
        return new io.rapport.server.generated.model.OversightSummary()
                .asOf(Timestamps.utc(s.asOf()))
                .tiers(new TierCounts().cold(s.tiers().get("cold")).warming(s.tiers().get("warming"))
                        .engaged(s.tiers().get("engaged")).hot(s.tiers().get("hot")))
                .stages(new StageCounts().technoship(s.stages().get("technoship")).relationship(s.stages().get("relationship"))
                        .trusted(s.stages().get("trusted")).advocate(s.stages().get("advocate")))
                .tierUpsLast30Days(s.tierUps())
                .tierDownsLast30Days(s.tierDowns())
                .referralsLast90Days(s.referrals())
                .officers(s.officers().stream().map(o -> new OfficerOversight().officerId(o.officerId())
                        .displayName(o.displayName()).relationships(o.relationships()).consistency(o.consistency())
                        .feedbackCoverage(o.feedbackCoverage())).toList());
    }
}
