package io.rapport.sdk;

import io.rapport.sdk.internal.api.BranchesApi;
import io.rapport.sdk.model.Branch;
import io.rapport.sdk.model.BranchInput;
import io.rapport.sdk.model.BranchPage;
import java.util.UUID;
import java.util.stream.Stream;

/** The organization's branches. Thread-safe. */
public final class Branches {
    private final BranchesApi api;
    private final RequestExecutor executor;

    Branches(BranchesApi api, RequestExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    /**
     * @param input the branch
     * @return the created branch
     */
    public Branch create(BranchInput input) {
        return executor.create((key, headers) -> api.createBranch(input, key, headers));
    }

    /**
     * @param branchId the branch
     * @return it
     * @throws NotFoundException when it is not a branch of the caller's organization
     */
    public Branch get(UUID branchId) {
        return executor.execute(headers -> api.getBranch(branchId, headers));
    }

    /**
     * Replaces every field of a branch.
     *
     * @param branchId the branch
     * @param input    its new fields
     * @return the branch as stored
     */
    public Branch update(UUID branchId, BranchInput input) {
        return executor.execute(headers -> api.updateBranch(branchId, input, headers));
    }

    /**
     * One page of branches.
     *
     * @param query paging
     * @return the page; pass its {@code nextCursor} as the next query's cursor
     */
    public BranchPage list(PageQuery query) {
        return executor.execute(headers -> api.listBranches(query.limit(), query.cursor(), headers));
    }

    /**
     * Every one from the query's cursor on, fetching pages lazily as the stream is consumed.
     *
     * @param query paging; its limit is the page size (default 500)
     * @return them all
     */
    public Stream<Branch> all(PageQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            BranchPage page = executor.execute(headers -> api.listBranches(query.pageSize(), cursor, headers));
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /**
     * @param limit  page size
     * @param cursor where to continue
     * @return the page
     * @deprecated use {@link #list(PageQuery)}
     */
    @Deprecated(since = "0.2")
    public BranchPage list(Integer limit, String cursor) {
        return executor.execute(headers -> api.listBranches(limit, cursor, headers));
    }

    /** @return every branch, fetching pages lazily as the stream is consumed */
    public Stream<Branch> all() {
        return all(PageQuery.builder().build());
    }
}
