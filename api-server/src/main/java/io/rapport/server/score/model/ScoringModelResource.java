package io.rapport.server.score.model;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.common.web.EntityTags;
import io.rapport.server.generated.api.ScoringModelApi;
import io.rapport.server.generated.model.Job;
import io.rapport.server.generated.model.JobProgress;
import io.rapport.server.generated.model.JobStatus;
import io.rapport.server.generated.model.ScoringModelInput;
import io.rapport.server.score.engine.Decay;
import io.rapport.server.score.engine.ScoringModel;
import io.rapport.server.score.rescore.RescoreJob;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

public class ScoringModelResource implements ScoringModelApi {
    private static final double SECONDS_PER_DAY = 86_400;
    private final ScoringModelService models;

    public ScoringModelResource(ScoringModelService models) {
        this.models = models;
    }

    @Override
    public Response getScoringModel() {
        ScoringModel model = models.current(Callers.orgId());
        return Response.ok(toDto(model)).header("ETag", EntityTags.ofVersion(model.version())).build();
    }

    @Override
    public Response updateScoringModel(ScoringModelInput input, String ifMatch) {
        ScoringModelService.Changed changed = models.update(Callers.orgId(), ifMatch, new ScoringModelDraft(
                input.getWeights(), input.getDailyCap(), input.getHalfLifeDays(), input.getShortHalfLifeDays(), input.getK(),
                input.getWarmingAt(), input.getEngagedAt(), input.getHotAt(), input.getHysteresis()));
        return Response.ok(toDto(changed.model()).rescoreJobId(changed.job().jobId()))
                .header("ETag", EntityTags.ofVersion(changed.model().version())).build();
    }

    @Override
    public Response rescore(String idempotencyKey) {
        RescoreJob job = models.rescore(Callers.orgId());
        return Response.accepted(toDto(job)).location(URI.create("/v1/jobs/" + job.jobId())).build();
    }

    @Override
    public Response getJob(UUID jobId) {
        return Response.ok(toDto(models.job(Callers.orgId(), jobId))).build();
    }

    private static io.rapport.server.generated.model.ScoringModel toDto(ScoringModel model) {
        return new io.rapport.server.generated.model.ScoringModel()
                .version(model.version())
                .weights(new java.util.TreeMap<>(model.weights()))
                .dailyCap(new java.util.ArrayList<>(new java.util.TreeSet<>(model.dailyCap())))
                .halfLifeDays(Decay.seconds(model.halfLife()) / SECONDS_PER_DAY)
                .shortHalfLifeDays(Decay.seconds(model.shortHalfLife()) / SECONDS_PER_DAY)
                .k(model.k())
                .warmingAt(model.warmingAt())
                .engagedAt(model.engagedAt())
                .hotAt(model.hotAt())
                .hysteresis(model.hysteresis());
    }

    private static Job toDto(RescoreJob job) {
        return new Job().id(job.jobId()).kind("rescore").status(JobStatus.fromValue(job.status()))
                .modelVersion(job.modelVersion()).relationships(job.relationships()).events(job.events())
                .createdAt(Timestamps.utc(job.createdAt())).finishedAt(Timestamps.utc(job.finishedAt()))
                .progress(new JobProgress().done(job.done()).total(job.total()))
                .startedAt(Timestamps.utc(job.startedAt())).errorCode(job.errorCode());
    }
}
