package io.rapport.server.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(AuditEntry.class)
public interface AuditDao {

    /** Newest first; every filter is optional (null). */
    @SqlQuery("""
            SELECT audit_id, action, actor_type, actor_key_id, target_type, target_id, request_id,
                   CAST(details AS text) AS details, occurred_at
            FROM audit_entry
            WHERE org_id = :orgId
              AND (CAST(:before AS uuid) IS NULL OR audit_id < :before)
              AND (CAST(:action AS text) IS NULL OR action = :action)
              AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
            ORDER BY audit_id DESC
            LIMIT :limit
            """)
    List<AuditEntry> list(UUID orgId, UUID before, String action, Instant from, Instant to, int limit);

    /** Purpose: one chunk of entries older than the retention, across organizations. */
    @SqlUpdate("""
            DELETE FROM audit_entry a
            USING (SELECT org_id, audit_id FROM audit_entry WHERE occurred_at < :cutoff LIMIT :chunk) old
            WHERE a.org_id = old.org_id AND a.audit_id = old.audit_id
            """)
    int purgeChunk(Instant cutoff, int chunk);
}
