package io.rapport.server.org;

import io.rapport.server.common.paging.Cursor;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Ids;
import io.rapport.server.common.time.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Creates and manages tenants; only the platform admin reaches it. */
public class OrganizationService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;

    public OrganizationService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    public Organization create(String name) {
        Instant now = Timestamps.now(clock);
        Organization organization = new Organization(ids.next(), name, Organization.ACTIVE, now, now);
        jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(organization));
        return organization;
    }

    public Organization get(UUID orgId) {
        return jdbi.withExtension(OrganizationDao.class, dao -> dao.find(orgId))
                .orElseThrow(() -> ApiProblemException.notFound("Organization " + orgId));
    }

    public Page<Organization> list(String cursor, int limit) {
        UUID after = Cursor.decode(cursor);
        return Page.of(jdbi.withExtension(OrganizationDao.class, dao -> dao.list(after, limit + 1)),
                limit, Organization::orgId);
    }

    public Organization update(UUID orgId, String name, String status) {
        return jdbi.withExtension(OrganizationDao.class, dao -> dao.update(orgId, name, status, Timestamps.now(clock)))
                .orElseThrow(() -> ApiProblemException.notFound("Organization " + orgId));
    }
}
