package io.rapport.server.score.report;

import io.rapport.server.score.engine.ScoreChange;
import io.rapport.server.score.engine.ScoringEvent;
import io.rapport.server.score.read.RankedScore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(ScoringEvent.class)
@RegisterConstructorMapper(ScoreReportDao.PartnerActivity.class)
@RegisterConstructorMapper(ScoreReportDao.PartnerEvent.class)
@RegisterConstructorMapper(ScoreChange.class)
@RegisterConstructorMapper(RankedScore.class)
public interface ScoreReportDao {

    record PartnerActivity(UUID partnerId, String partnerName, String type, int count) {
    }

    record PartnerEvent(UUID partnerId, String partnerName, Instant occurredAt) {
    }

    @SqlQuery("""
            SELECT type, least(occurred_at, received_at) AS at FROM usage_event
            WHERE org_id = :orgId AND relationship_id = :relationshipId AND least(occurred_at, received_at) <= :until
            ORDER BY at
            """)
    List<ScoringEvent> events(UUID orgId, UUID relationshipId, Instant until);

    @SqlQuery("""
            SELECT e.partner_id, p.name AS partner_name, e.type, count(*) AS count
            FROM usage_event e JOIN partner p ON p.org_id = e.org_id AND p.partner_id = e.partner_id
            WHERE e.org_id = :orgId AND e.officer_id = :officerId AND e.occurred_at >= :from AND e.occurred_at < :to
              AND e.type NOT IN ('note_sent', 'call_made', 'tool_shared')
            GROUP BY e.partner_id, p.name, e.type
            ORDER BY p.name, e.partner_id, e.type
            """)
    /** The partners' own activity: the officer's touches (note_sent, call_made, tool_shared) are left out. */
    List<PartnerActivity> activity(UUID orgId, UUID officerId, Instant from, Instant to);

    @SqlQuery("""
            SELECT e.partner_id, p.name AS partner_name, e.occurred_at
            FROM usage_event e JOIN partner p ON p.org_id = e.org_id AND p.partner_id = e.partner_id
            WHERE e.org_id = :orgId AND e.officer_id = :officerId AND e.type = 'referral_sent'
              AND e.occurred_at >= :from AND e.occurred_at < :to
            ORDER BY e.occurred_at
            """)
    List<PartnerEvent> referrals(UUID orgId, UUID officerId, Instant from, Instant to);

    @SqlQuery("""
            SELECT seq, relationship_id, officer_id, partner_id, kind, from_value, to_value, score, cause, changed_at
            FROM score_change
            WHERE org_id = :orgId AND officer_id = :officerId AND changed_at >= :from AND changed_at < :to
            ORDER BY seq
            """)
    List<ScoreChange> changes(UUID orgId, UUID officerId, Instant from, Instant to);

    @SqlQuery("""
            SELECT s.*, p.name AS partner_name, p.type AS partner_type
            FROM relationship_score s JOIN partner p ON p.org_id = s.org_id AND p.partner_id = s.partner_id
            WHERE s.org_id = :orgId AND s.officer_id = :officerId
            """)
    List<RankedScore> officerScores(UUID orgId, UUID officerId);
}
