package io.rapport.sdk;

import io.rapport.sdk.internal.api.OversightApi;
import io.rapport.sdk.internal.api.ScoreReportsApi;
import io.rapport.sdk.internal.api.ScoresApi;
import io.rapport.sdk.internal.api.ScoringModelApi;
import io.rapport.sdk.model.Job;
import io.rapport.sdk.model.JobStatus;
import io.rapport.sdk.model.OfficerDigest;
import io.rapport.sdk.model.OversightSummary;
import io.rapport.sdk.model.PartnerSort;
import io.rapport.sdk.model.PartnerType;
import io.rapport.sdk.model.RelationshipScore;
import io.rapport.sdk.model.ScoreHistory;
import io.rapport.sdk.model.ScoreChangePage;
import io.rapport.sdk.model.ScoredPartner;
import io.rapport.sdk.model.ScoredPartnerPage;
import io.rapport.sdk.model.ScoringModel;
import io.rapport.sdk.model.ScoringModelInput;
import io.rapport.sdk.model.Stage;
import io.rapport.sdk.model.Tier;
import io.rapport.sdk.model.Trend;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Partner-interest scores (needs the {@code scores:read} scope). Every score is computed by the server
 * for its current time. Thread-safe. Throws {@link NotFoundException} for ids of another organization.
 *
 * <p>The change feed is read with {@link #changes(String, Integer)}: pass the returned
 * {@code nextCursor} as {@code after} on the next call; the feed never skips or repeats a change.
 */
public final class Scores {
    private final ScoresApi api;
    private final ScoringModelApi models;
    private final ScoreReportsApi reports;
    private final OversightApi oversight;
    private final RequestExecutor executor;

    Scores(ScoresApi api, ScoringModelApi models, ScoreReportsApi reports, OversightApi oversight,
           RequestExecutor executor) {
        this.api = api;
        this.models = models;
        this.reports = reports;
        this.oversight = oversight;
        this.executor = executor;
    }

    /** A relationship's score now, with tier, trend, stage, next step and explanation. */
    public RelationshipScore forRelationship(UUID relationshipId) {
        return executor.execute(headers -> api.getRelationshipScore(relationshipId, headers));
    }

    /** One page of an officer's partners, highest score first; null filters do not filter. */
    public ScoredPartnerPage rankedPartners(UUID officerId, Integer limit, String cursor, Tier tier, Stage stage,
                                           Trend trend, PartnerType partnerType) {
        return rankedPartners(officerId, limit, cursor, tier, stage, trend, partnerType, null);
    }

    /**
     * The same in another order: {@link PartnerSort#LAST_ACTIVITY} lists the most recently active first,
     * {@link PartnerSort#CHANGE7D} the largest {@code scoreChange7d} first (ties by score).
     */
    public ScoredPartnerPage rankedPartners(UUID officerId, Integer limit, String cursor, Tier tier, Stage stage,
                                           Trend trend, PartnerType partnerType, PartnerSort sort) {
        return executor.execute(headers ->
                api.listOfficerPartners(officerId, limit, cursor, tier, stage, trend, partnerType, sort, headers));
    }

    /** All of an officer's (filtered) partners in rank order, fetching pages lazily. */
    public Stream<ScoredPartner> allRankedPartners(UUID officerId, Tier tier, Stage stage, Trend trend,
                                                   PartnerType partnerType) {
        return Pages.stream(cursor -> {
            ScoredPartnerPage page = rankedPartners(officerId, Pages.PAGE_SIZE, cursor, tier, stage, trend, partnerType);
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /** One partner's scores with each of the organization's officers, highest first. */
    public List<ScoredPartner> forPartner(UUID partnerId) {
        return executor.execute(headers -> api.listPartnerScores(partnerId, headers)).getItems();
    }

    /** The tier and stage changes after {@code after} (null: from the beginning), oldest first. */
    public ScoreChangePage changes(String after, Integer limit) {
        return executor.execute(headers -> api.listScoreChanges(after, limit, headers));
    }

    /** The organization's scoring model; its {@code version} is what {@link #updateModel} must match. */
    public ScoringModel model() {
        return executor.execute(headers -> models.getScoringModel(headers));
    }

    /**
     * Replaces the scoring model (needs the {@code admin} scope) and starts a background rescore with it,
     * named by {@code rescoreJobId} ({@link #awaitJob} waits for it). Throws {@link RapportApiException}
     * with status 412 when {@code expectedVersion} is stale.
     */
    public ScoringModel updateModel(int expectedVersion, ScoringModelInput input) {
        return executor.execute(headers -> models.updateScoringModel(input, "\"" + expectedVersion + "\"", headers));
    }

    /**
     * Starts recomputing every score from the stored events with the current model ({@code admin}) and
     * returns at once: the queued job, or the organization's unfinished one. {@link #awaitJob} waits.
     */
    public Job rescore() {
        return executor.create((key, headers) -> models.rescore(key, headers));
    }

    /**
     * Polls {@link #job} (backing off from 10 ms to 1 s) until the job has {@code succeeded} or
     * {@code failed}, and returns it. Blocks the calling thread; throws {@link RapportException} when the
     * job is still unfinished after {@code timeout} or the thread is interrupted.
     */
    public Job awaitJob(UUID jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 10;
        while (true) {
            Job job = job(jobId);
            if (job.getStatus() == JobStatus.SUCCEEDED || job.getStatus() == JobStatus.FAILED) {
                return job;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new RapportException("Job " + jobId + " is still " + job.getStatus() + " after " + timeout, null);
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RapportException("Interrupted while waiting for job " + jobId, e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 1000);
        }
    }

    /** A rescore job ({@code admin}). */
    public Job job(UUID jobId) {
        return executor.execute(headers -> models.getJob(jobId, headers));
    }

    /** The score at the end of each of the last {@code days} (1..365, null: 90) UTC days, oldest first. */
    public ScoreHistory history(UUID relationshipId, Integer days) {
        return executor.execute(headers -> reports.getScoreHistory(relationshipId, days, headers));
    }

    /** The officer's digest for {@code date} (null: today, UTC), covering the day before. */
    public OfficerDigest digest(UUID officerId, LocalDate date) {
        return executor.execute(headers -> reports.getOfficerDigest(officerId, date, headers));
    }

    /** Tiers, stages, movement, referrals and officer habits over one branch. */
    public OversightSummary branchSummary(UUID branchId) {
        return executor.execute(headers -> oversight.getBranchSummary(branchId, headers));
    }

    /** The same over the whole organization. */
    public OversightSummary orgSummary() {
        return executor.execute(headers -> oversight.getOrgSummary(headers));
    }
}
