package io.rapport.server.branch;

import io.rapport.server.common.paging.Cursor;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Ids;
import io.rapport.server.common.time.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

public class BranchService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;

    public BranchService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    public Branch create(UUID orgId, String name, String region) {
        Instant now = Timestamps.now(clock);
        Branch branch = new Branch(orgId, ids.next(), name, region, now, now);
        jdbi.useExtension(BranchDao.class, dao -> dao.insert(branch));
        return branch;
    }

    public Branch get(UUID orgId, UUID branchId) {
        return jdbi.withExtension(BranchDao.class, dao -> dao.find(orgId, branchId))
                .orElseThrow(() -> ApiProblemException.notFound("Branch " + branchId));
    }

    public Page<Branch> list(UUID orgId, String cursor, int limit) {
        UUID after = Cursor.decode(cursor);
        return Page.of(jdbi.withExtension(BranchDao.class, dao -> dao.list(orgId, after, limit + 1)), limit, Branch::branchId);
    }

    public Branch update(UUID orgId, UUID branchId, String name, String region) {
        return jdbi.withExtension(BranchDao.class, dao -> dao.update(orgId, branchId, name, region, Timestamps.now(clock)))
                .orElseThrow(() -> ApiProblemException.notFound("Branch " + branchId));
    }
}
