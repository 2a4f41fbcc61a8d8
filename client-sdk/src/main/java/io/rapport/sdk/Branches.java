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

    public Branch create(BranchInput input) {
        return executor.create((key, headers) -> api.createBranch(input, key, headers));
    }

    public Branch get(UUID branchId) {
        return executor.execute(headers -> api.getBranch(branchId, headers));
    }

    public Branch update(UUID branchId, BranchInput input) {
        return executor.execute(headers -> api.updateBranch(branchId, input, headers));
    }

    public BranchPage list(Integer limit, String cursor) {
        return executor.execute(headers -> api.listBranches(limit, cursor, headers));
    }

    /** Every branch, fetching pages lazily as the stream is consumed. */
    public Stream<Branch> all() {
        return Pages.stream(cursor -> {
            BranchPage page = list(Pages.PAGE_SIZE, cursor);
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }
}
