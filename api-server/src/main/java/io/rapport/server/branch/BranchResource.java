package io.rapport.server.branch;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.BranchesApi;
import io.rapport.server.generated.model.BranchInput;
import io.rapport.server.generated.model.BranchPage;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

public class BranchResource implements BranchesApi {
    private final BranchService branches;

    public BranchResource(BranchService branches) {
        this.branches = branches;
    }

    @Override
    public Response createBranch(BranchInput input, String idempotencyKey) {
        Branch branch = branches.create(Callers.orgId(), input.getName(), input.getRegion());
        return Response.created(URI.create("/v1/branches/" + branch.branchId())).entity(toDto(branch)).build();
    }

    @Override
    public Response listBranches(Integer limit, String cursor) {
        Page<Branch> page = branches.list(Callers.orgId(), cursor, limit);
        return Response.ok(new BranchPage().items(page.map(BranchResource::toDto).items()).nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getBranch(UUID branchId) {
        return Response.ok(toDto(branches.get(Callers.orgId(), branchId))).build();
    }

    @Override
    public Response updateBranch(UUID branchId, BranchInput input) {
        return Response.ok(toDto(branches.update(Callers.orgId(), branchId, input.getName(), input.getRegion()))).build();
    }

    private static io.rapport.server.generated.model.Branch toDto(Branch branch) {
        return new io.rapport.server.generated.model.Branch()
                .id(branch.branchId())
                .name(branch.name())
                .region(branch.region())
                .createdAt(Timestamps.utc(branch.createdAt()))
                .updatedAt(Timestamps.utc(branch.updatedAt()));
    }
}
