package io.rapport.server.org;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Organization.class)
public interface OrganizationDao {

    @SqlUpdate("""
            INSERT INTO organization (org_id, name, status, created_at, updated_at)
            VALUES (:orgId, :name, :status, :createdAt, :updatedAt)
            """)
    void insert(@BindMethods Organization organization);

    @SqlQuery("SELECT * FROM organization WHERE org_id = :orgId")
    Optional<Organization> find(UUID orgId);

    @SqlQuery("""
            SELECT * FROM organization
            WHERE CAST(:after AS uuid) IS NULL OR org_id > :after
            ORDER BY org_id
            LIMIT :limit
            """)
    List<Organization> list(UUID after, int limit);

    @SqlQuery("""
            UPDATE organization SET name = :name, status = :status, updated_at = :now
            WHERE org_id = :orgId
            RETURNING *
            """)
    Optional<Organization> update(UUID orgId, String name, String status, Instant now);
}
