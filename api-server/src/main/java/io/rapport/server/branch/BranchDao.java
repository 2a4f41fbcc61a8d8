package io.rapport.server.branch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Branch.class)
public interface BranchDao {

    @SqlUpdate("""
            INSERT INTO branch (org_id, branch_id, name, region, created_at, updated_at)
            VALUES (:orgId, :branchId, :name, :region, :createdAt, :updatedAt)
            """)
    void insert(@BindMethods Branch branch);

    @SqlQuery("SELECT * FROM branch WHERE org_id = :orgId AND branch_id = :branchId")
    Optional<Branch> find(UUID orgId, UUID branchId);

    @SqlQuery("""
            SELECT * FROM branch
            WHERE org_id = :orgId AND (CAST(:after AS uuid) IS NULL OR branch_id > :after)
            ORDER BY branch_id
            LIMIT :limit
            """)
    List<Branch> list(UUID orgId, UUID after, int limit);

    @SqlQuery("""
            UPDATE branch SET name = :name, region = :region, updated_at = :now
            WHERE org_id = :orgId AND branch_id = :branchId
            RETURNING *
            """)
    Optional<Branch> update(UUID orgId, UUID branchId, String name, String region, Instant now);
}
