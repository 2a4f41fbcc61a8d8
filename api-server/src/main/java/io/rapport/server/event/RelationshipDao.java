package io.rapport.server.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Relationship.class)
public interface RelationshipDao {

    @SqlQuery("""
            SELECT r.* FROM relationship r
            JOIN unnest(:officerIds, :partnerIds) AS p(officer_id, partner_id)
              ON r.officer_id = p.officer_id AND r.partner_id = p.partner_id
            WHERE r.org_id = :orgId
            """)
    List<Relationship> findPairs(UUID orgId, UUID[] officerIds, UUID[] partnerIds);

    /**
     * Creates the pairs that do not exist yet and returns those it created; a pair created meanwhile by
     * another transaction is left alone (and not returned). Sorted, so concurrent batches lock pairs in one
     * order.
     */
    @SqlQuery("""
            INSERT INTO relationship (org_id, relationship_id, officer_id, partner_id, created_at)
            SELECT :orgId, p.relationship_id, p.officer_id, p.partner_id, :now
            FROM unnest(:relationshipIds, :officerIds, :partnerIds) AS p(relationship_id, officer_id, partner_id)
            ORDER BY p.officer_id, p.partner_id
            ON CONFLICT DO NOTHING
            RETURNING *
            """)
    List<Relationship> insertPairs(UUID orgId, UUID[] relationshipIds, UUID[] officerIds, UUID[] partnerIds,
                                   Instant now);

    @SqlQuery("SELECT * FROM relationship WHERE org_id = :orgId AND relationship_id = :relationshipId")
    Optional<Relationship> find(UUID orgId, UUID relationshipId);

    @SqlQuery("""
            SELECT * FROM relationship
            WHERE org_id = :orgId
              AND (CAST(:after AS uuid) IS NULL OR relationship_id > :after)
              AND (CAST(:officerId AS uuid) IS NULL OR officer_id = :officerId)
              AND (CAST(:partnerId AS uuid) IS NULL OR partner_id = :partnerId)
            ORDER BY relationship_id
            LIMIT :limit
            """)
    List<Relationship> list(UUID orgId, UUID after, UUID officerId, UUID partnerId, int limit);
}
