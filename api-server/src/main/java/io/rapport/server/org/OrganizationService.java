package io.rapport.server.org;

import io.rapport.server.common.paging.Cursor;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Ids;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.audit.AuditActions;
import io.rapport.server.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Creates and manages tenants; only the platform admin reaches it. */
public class OrganizationService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;
    private final AuditLog audit;

    public OrganizationService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = new Ids(clock);
        this.audit = new AuditLog(clock);
    }

    public Organization create(String name) {
        Instant now = Timestamps.now(clock);
        Organization organization = new Organization(ids.next(), name, Organization.ACTIVE, now, now);
        jdbi.useTransaction(handle -> {
            handle.attach(OrganizationDao.class).insert(organization);
            audit.record(handle, organization.orgId(), AuditActions.ORGANIZATION_CREATED, "organization",
                    organization.orgId(), Map.of("name", name));
        });
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
        return jdbi.inTransaction(handle -> {
            Organization updated = handle.attach(OrganizationDao.class).update(orgId, name, status, Timestamps.now(clock))
                    .orElseThrow(() -> ApiProblemException.notFound("Organization " + orgId));
            audit.record(handle, orgId, AuditActions.ORGANIZATION_UPDATED, "organization", orgId,
                    Map.of("name", updated.name(), "status", updated.status()));
            return updated;
        });
    }
}
