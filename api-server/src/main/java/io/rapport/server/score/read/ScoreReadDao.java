package io.rapport.server.score.read;

import io.rapport.server.score.engine.Trend;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterRowMapper(RankedScoreMapper.class)
@RegisterConstructorMapper(ScoreReadDao.RelationshipRef.class)
public interface ScoreReadDao {

    record RelationshipRef(UUID relationshipId, UUID officerId, UUID partnerId) {
    }

    /** The ranked-list query's filters and keyset position; null fields do not filter. */
    record RankFilter(String tier, String stage, String trend, String partnerType, Double afterKey,
                      Instant afterActivity, UUID afterId, Instant now, double halfLife, double shortHalfLife) {
    }

    @SqlQuery("SELECT relationship_id, officer_id, partner_id FROM relationship WHERE org_id = :orgId AND relationship_id = :id")
    Optional<RelationshipRef> relationship(UUID orgId, UUID id);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM officer WHERE org_id = :orgId AND officer_id = :id)")
    boolean officerExists(UUID orgId, UUID id);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM partner WHERE org_id = :orgId AND partner_id = :id)")
    boolean partnerExists(UUID orgId, UUID id);

    @SqlQuery("""
            SELECT count(*) FROM usage_event
            WHERE org_id = :orgId AND relationship_id = :relationshipId AND type = 'referral_sent' AND occurred_at >= :since
            """)
    int referralsSince(UUID orgId, UUID relationshipId, Instant since);

    /** An officer's rows, with the model's half-lives the trend filter needs ({@code mh}) bound by the caller. */
    String OFFICER_ROWS = """
            SELECT s.*, p.name AS partner_name, p.type AS partner_type
            FROM relationship_score s
            JOIN partner p ON p.org_id = s.org_id AND p.partner_id = s.partner_id
            CROSS JOIN (SELECT CAST(:f.halfLife AS float8) AS half_life_seconds,
                               CAST(:f.shortHalfLife AS float8) AS short_half_life_seconds) mh
            WHERE s.org_id = :orgId AND s.officer_id = :officerId
            """;

    /**
     * A row's trend at {@code :f.now}, from the app signals only (short_raw against app_raw): compares ln of the rate ratio (short/H_short)/(long/H_long), which cannot
     * underflow; the half-lives come from the statement's {@code mh} row.
     */
    /** ln of the app-signal rate ratio at {@code :f.now}. */
    String LN_RATIO = """
            (ln(s.short_raw / s.app_raw) + ln(mh.half_life_seconds / mh.short_half_life_seconds)
             - (extract(epoch FROM CAST(:f.now AS timestamptz)) - extract(epoch FROM s.ref_time))::float8
               * ln(2.0::float8) * (1.0 / mh.short_half_life_seconds - 1.0 / mh.half_life_seconds))""";

    String TREND_AT_NOW = "CASE"
            + " WHEN s.app_raw <= 0 THEN 'steady'"
            + " WHEN s.short_raw <= 0 THEN 'cooling'"
            + " WHEN " + LN_RATIO + " > ln(" + Trend.RISING_ABOVE + "::float8) THEN 'rising'"
            + " WHEN " + LN_RATIO + " < ln(" + Trend.COOLING_BELOW + "::float8) THEN 'cooling'"
            + " ELSE 'steady' END";

    /** The ranked list's filters; a null one does not filter. */
    String FILTERS = """
              AND (CAST(:f.tier AS text) IS NULL OR s.tier = :f.tier)
              AND (CAST(:f.stage AS text) IS NULL OR s.stage = :f.stage)
              AND (CAST(:f.partnerType AS text) IS NULL OR p.type = :f.partnerType)
              AND (CAST(:f.trend AS text) IS NULL OR :f.trend = """ + TREND_AT_NOW + """
            )
            """;

    /** Through the partner's relationships (relationship_by_partner): the score rows keep no index by partner. */
    @SqlQuery("""
            SELECT s.*, p.name AS partner_name, p.type AS partner_type
            FROM relationship r
            JOIN relationship_score s ON s.org_id = r.org_id AND s.relationship_id = r.relationship_id
            JOIN partner p ON p.org_id = r.org_id AND p.partner_id = r.partner_id
            WHERE r.org_id = :orgId AND r.partner_id = :partnerId
            ORDER BY s.rank_key DESC, s.relationship_id DESC
            """)
    List<RankedScore> forPartner(UUID orgId, UUID partnerId);
}
