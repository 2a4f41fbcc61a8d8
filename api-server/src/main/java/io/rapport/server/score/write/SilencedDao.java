package io.rapport.server.score.write;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Who may no longer be sent anything new: the sweep and rescore settle their rows without recording changes. */
public interface SilencedDao {

    /** Of these officers of one organization, those deactivated, or all of them when the organization is. */
    @SqlQuery("""
            SELECT o.officer_id FROM officer o JOIN organization g ON g.org_id = o.org_id
            WHERE o.org_id = :orgId AND o.officer_id = ANY(CAST(:officerIds AS uuid[]))
              AND (NOT o.active OR g.status <> 'active')
            """)
    List<UUID> silenced(UUID orgId, UUID[] officerIds);
}
