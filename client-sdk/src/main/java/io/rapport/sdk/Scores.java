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
import io.rapport.sdk.model.ScoreChange;
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
 * <p>The change feed is read with {@link #changes(PageQuery)}: pass the returned {@code nextCursor} as the
 * next query's cursor; the feed never skips or repeats a change. {@link #changePoller(CursorStore)} does that
 * for you, resuming from a cursor you store.
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

    /**
     * A relationship's score now, with tier, trend, stage, next step and explanation.
     *
     * @param relationshipId the relationship
     * @return its score
     */
    public RelationshipScore forRelationship(UUID relationshipId) {
        return executor.execute(headers -> api.getRelationshipScore(relationshipId, headers));
    }

    /**
     * One page of an officer's partners, highest score first unless the query sorts otherwise.
     *
     * <pre>{@code
     * ScoredPartnerPage hot = rapport.scores().rankedPartners(officerId,
     *         RankedPartnersQuery.builder().tier(Tier.HOT).limit(10).build());
     * }</pre>
     *
     * @param officerId the officer
     * @param query     filters, order and paging
     * @return the page; pass its {@code nextCursor} as the next query's cursor
     */
    public ScoredPartnerPage rankedPartners(UUID officerId, RankedPartnersQuery query) {
        return executor.execute(headers -> api.listOfficerPartners(officerId, query.limit(), query.cursor(), query.tier(),
                query.stage(), query.trend(), query.partnerType(), query.sort(), headers));
    }

    /**
     * All of an officer's (filtered) partners in the query's order from its cursor on, fetching pages lazily.
     *
     * @param officerId the officer
     * @param query     filters and order; its limit is the page size (default 500)
     * @return the partners
     */
    public Stream<ScoredPartner> allRankedPartners(UUID officerId, RankedPartnersQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            ScoredPartnerPage page = executor.execute(headers -> api.listOfficerPartners(officerId, query.pageSize(),
                    cursor, query.tier(), query.stage(), query.trend(), query.partnerType(), query.sort(), headers));
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /**
     * One page of an officer's partners, highest score first; null filters do not filter.
     *
     * @param officerId   the officer
     * @param limit       page size
     * @param cursor      where to continue
     * @param tier        tier filter
     * @param stage       stage filter
     * @param trend       trend filter
     * @param partnerType trade filter
     * @return the page
     * @deprecated use {@link #rankedPartners(UUID, RankedPartnersQuery)}
     */
    @Deprecated(since = "0.2")
    public ScoredPartnerPage rankedPartners(UUID officerId, Integer limit, String cursor, Tier tier, Stage stage,
                                           Trend trend, PartnerType partnerType) {
        return rankedPartners(officerId, limit, cursor, tier, stage, trend, partnerType, null);
    }

    /**
     * The same in another order: {@link PartnerSort#LAST_ACTIVITY} lists the most recently active first,
     * {@link PartnerSort#CHANGE7D} the largest {@code scoreChange7d} first (ties by score).
     *
     * @param officerId   the officer
     * @param limit       page size
     * @param cursor      where to continue
     * @param tier        tier filter
     * @param stage       stage filter
     * @param trend       trend filter
     * @param partnerType trade filter
     * @param sort        the order
     * @return the page
     * @deprecated use {@link #rankedPartners(UUID, RankedPartnersQuery)}
     */
    @Deprecated(since = "0.2")
    public ScoredPartnerPage rankedPartners(UUID officerId, Integer limit, String cursor, Tier tier, Stage stage,
                                           Trend trend, PartnerType partnerType, PartnerSort sort) {
        return executor.execute(headers ->
                api.listOfficerPartners(officerId, limit, cursor, tier, stage, trend, partnerType, sort, headers));
    }

    /**
     * All of an officer's (filtered) partners in rank order.
     *
     * @param officerId   the officer
     * @param tier        tier filter
     * @param stage       stage filter
     * @param trend       trend filter
     * @param partnerType trade filter
     * @return the partners
     * @deprecated use {@link #allRankedPartners(UUID, RankedPartnersQuery)}
     */
    @Deprecated(since = "0.2")
    public Stream<ScoredPartner> allRankedPartners(UUID officerId, Tier tier, Stage stage, Trend trend,
                                                   PartnerType partnerType) {
        return allRankedPartners(officerId, RankedPartnersQuery.builder().tier(tier).stage(stage).trend(trend)
                .partnerType(partnerType).build());
    }

    /**
     * One partner's scores with each of the organization's officers, highest first.
     *
     * @param partnerId the partner
     * @return its scores
     */
    public List<ScoredPartner> forPartner(UUID partnerId) {
        return executor.execute(headers -> api.listPartnerScores(partnerId, headers)).getItems();
    }

    /**
     * One page of the organization's tier and stage changes after the query's cursor (none: from the
     * beginning), oldest first. {@code nextCursor} is answered even when there are no changes yet.
     *
     * @param query the cursor and page size
     * @return the page
     */
    public ScoreChangePage changes(PageQuery query) {
        return executor.execute(headers -> api.listScoreChanges(query.cursor(), null, query.limit(), headers));
    }

    /**
     * Every change after the query's cursor up to now, oldest first, fetching pages lazily; the stream ends
     * at the first empty page (a feed has no last page).
     *
     * @param query the cursor to start after and the page size (default 500)
     * @return the changes
     */
    public Stream<ScoreChange> allChanges(PageQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            ScoreChangePage page = executor.execute(headers -> api.listScoreChanges(cursor, null, query.pageSize(), headers));
            return new Pages.Slice<>(page.getItems(), page.getItems().isEmpty() ? null : page.getNextCursor());
        });
    }

    /**
     * A poller of the change feed that resumes from the cursor {@code store} holds and saves the new cursor
     * after each page it handed over.
     *
     * @param store where the caller keeps its position in the feed
     * @return the poller
     */
    public ChangeFeedPoller changePoller(CursorStore store) {
        return new ChangeFeedPoller(this, store);
    }

    /**
     * The tier and stage changes after {@code after} (null: from the beginning), oldest first.
     *
     * @param after the cursor
     * @param limit page size
     * @return the page
     * @deprecated use {@link #changes(PageQuery)}
     */
    @Deprecated(since = "0.2")
    public ScoreChangePage changes(String after, Integer limit) {
        return executor.execute(headers -> api.listScoreChanges(after, null, limit, headers));
    }

    /** @return the organization's scoring model; its {@code version} is what {@link #updateModel} must match */
    public ScoringModel model() {
        return executor.execute(headers -> models.getScoringModel(headers));
    }

    /**
     * Replaces the scoring model (needs the {@code admin} scope) and starts a background rescore with it,
     * named by {@code rescoreJobId} ({@link #awaitJob} waits for it). Throws {@link RapportApiException}
     * with status 412 when {@code expectedVersion} is stale.
     *
     * @param expectedVersion the version this change is based on
     * @param input           the new model
     * @return the model as stored, with its new version and the rescore job
     */
    public ScoringModel updateModel(int expectedVersion, ScoringModelInput input) {
        return executor.execute(headers -> models.updateScoringModel(input, "\"" + expectedVersion + "\"", headers));
    }

    /**
     * Starts recomputing every score from the stored events with the current model ({@code admin}) and
     * returns at once: the queued job, or the organization's unfinished one. {@link #awaitJob} waits.
     *
     * @return the job
     */
    public Job rescore() {
        return executor.create((key, headers) -> models.rescore(key, headers));
    }

    /**
     * Polls {@link #job} (backing off from 10 ms to 1 s) until the job has {@code succeeded} or
     * {@code failed}, and returns it. Blocks the calling thread; throws {@link RapportException} when the
     * job is still unfinished after {@code timeout} or the thread is interrupted.
     *
     * @param jobId   the job
     * @param timeout how long to wait at most
     * @return the finished job
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

    /**
     * A rescore job ({@code admin}).
     *
     * @param jobId the job
     * @return it
     */
    public Job job(UUID jobId) {
        return executor.execute(headers -> models.getJob(jobId, headers));
    }

    /**
     * The score at the end of each of the last {@code days} (1..365, null: 90) UTC days, oldest first.
     *
     * @param relationshipId the relationship
     * @param days           how many days
     * @return the history
     */
    public ScoreHistory history(UUID relationshipId, Integer days) {
        return executor.execute(headers -> reports.getScoreHistory(relationshipId, days, headers));
    }

    /**
     * The officer's digest for {@code date} (null: today, UTC), covering the day before.
     *
     * @param officerId the officer
     * @param date      the digest's day
     * @return the digest
     */
    public OfficerDigest digest(UUID officerId, LocalDate date) {
        return executor.execute(headers -> reports.getOfficerDigest(officerId, date, headers));
    }

    /**
     * Tiers, stages, movement, referrals and officer habits over one branch.
     *
     * @param branchId the branch
     * @return the summary
     */
    public OversightSummary branchSummary(UUID branchId) {
        return executor.execute(headers -> oversight.getBranchSummary(branchId, headers));
    }

    /** @return tiers, stages, movement, referrals and officer habits over the whole organization */
    public OversightSummary orgSummary() {
        return executor.execute(headers -> oversight.getOrgSummary(headers));
    }
}
