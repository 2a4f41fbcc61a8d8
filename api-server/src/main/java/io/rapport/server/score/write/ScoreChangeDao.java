package io.rapport.server.score.write;

import io.rapport.server.score.engine.ScoreChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ScoreChange.class)
public interface ScoreChangeDao {

    /**
     * Reserves {@code count} positions and returns the last. The counter row stays locked until the
     * transaction ends, so positions are handed out in commit order.
     */
    @SqlQuery("""
            INSERT INTO score_change_counter AS c (org_id, last_seq) VALUES (:orgId, :count)
            ON CONFLICT (org_id) DO UPDATE SET last_seq = c.last_seq + EXCLUDED.last_seq
            RETURNING last_seq
            """)
    long reserve(UUID orgId, int count);

    @SqlUpdate("""
            INSERT INTO score_change (org_id, seq, relationship_id, officer_id, partner_id, kind, from_value, to_value,
                                      score, cause, changed_at)
            SELECT :orgId, b.*, :changedAt
            FROM unnest(:seqs, :relationshipIds, :officerIds, :partnerIds, :kinds, :froms, :tos, :scores, :causes)
                 AS b(seq, relationship_id, officer_id, partner_id, kind, from_value, to_value, score, cause)
            """)
    void insert(UUID orgId, Long[] seqs, UUID[] relationshipIds, UUID[] officerIds, UUID[] partnerIds, String[] kinds,
                String[] froms, String[] tos, Integer[] scores, String[] causes, Instant changedAt);

    @SqlQuery("""
            SELECT seq, relationship_id, officer_id, partner_id, kind, from_value, to_value, score, cause, changed_at
            FROM score_change
            WHERE org_id = :orgId AND seq > :after
            ORDER BY seq
            LIMIT :limit
            """)
    List<ScoreChange> after(UUID orgId, long after, int limit);
}
