package io.rapport.server.privacy;

/** The export's statements, each for one partner ({@code :orgId}, {@code :partnerId}) and read through a cursor. */
final class ExportQueries {
    /** Purpose: the partner's logo, bytes included. */
    static final String LOGO = """
            /* PartnerExport.logo */
            SELECT content_type, width, height, size_bytes, etag, bytes FROM partner_logo
            WHERE org_id = :orgId AND partner_id = :partnerId
            """;
    /** Purpose: the partner's relationships with their stored score rows (read here by SQL, not through score/). */
    static final String RELATIONSHIPS = """
            /* PartnerExport.relationships */
            SELECT r.relationship_id, r.officer_id, r.created_at, s.raw, s.ref_time, s.tier, s.stage, s.last_activity_at,
                   s.last_meeting_at, s.last_feedback_at, s.last_referral_at, CAST(s.type_raws AS text) AS type_raws,
                   s.model_version, s.updated_at
            FROM relationship r
            LEFT JOIN relationship_score s ON s.org_id = r.org_id AND s.relationship_id = r.relationship_id
            WHERE r.org_id = :orgId AND r.partner_id = :partnerId
            ORDER BY r.relationship_id
            """;
    /** Purpose: the partner's app installs (never their token hashes). */
    static final String INSTALLS = """
            /* PartnerExport.installs */
            SELECT i.install_id, i.relationship_id, r.officer_id, r.partner_id, i.platform, i.status, i.prefix,
                   i.created_at, i.uninstalled_at, i.revoked_at, i.expires_at
            FROM relationship r
            JOIN app_install i ON i.org_id = r.org_id AND i.relationship_id = r.relationship_id
            WHERE r.org_id = :orgId AND r.partner_id = :partnerId
            ORDER BY i.install_id
            """;
    /** Purpose: the partner's tier and stage changes, in feed order. */
    static final String SCORE_CHANGES = """
            /* PartnerExport.scoreChanges */
            SELECT c.seq, c.relationship_id, c.officer_id, c.partner_id, c.kind, c.from_value, c.to_value, c.score, c.cause,
                   c.changed_at
            FROM relationship r
            JOIN score_change c ON c.org_id = r.org_id AND c.relationship_id = r.relationship_id
            WHERE r.org_id = :orgId AND r.partner_id = :partnerId
            ORDER BY c.seq
            """;
    /** Purpose: webhook deliveries whose payload names the partner. */
    static final String DELIVERIES = """
            /* PartnerExport.deliveries */
            SELECT delivery_id, subscription_id, event_type, status, created_at, CAST(payload AS text) AS payload
            FROM webhook_delivery
            WHERE org_id = :orgId AND payload -> 'data' ->> 'partnerId' = CAST(:partnerId AS text)
            ORDER BY delivery_seq
            """;
    /** Purpose: the feedback the partner gave (rating and comment), newest first. */
    static final String FEEDBACK = """
            /* PartnerExport.feedback */
            SELECT event_id, relationship_id, occurred_at,
                   CASE WHEN jsonb_typeof(properties -> 'rating') = 'number' THEN CAST(properties ->> 'rating' AS numeric) END AS rating,
                   properties ->> 'comment' AS comment
            FROM usage_event
            WHERE org_id = :orgId AND partner_id = :partnerId AND type = 'feedback_given'
            ORDER BY occurred_at DESC, event_id DESC
            """;
    /** Purpose: every event of the partner, newest first (the usage_event_by_partner index order). */
    static final String EVENTS = """
            /* PartnerExport.events */
            SELECT event_id, relationship_id, officer_id, partner_id, type, occurred_at, received_at, content_id,
                   CAST(properties AS text) AS properties
            FROM usage_event
            WHERE org_id = :orgId AND partner_id = :partnerId
            ORDER BY occurred_at DESC, event_id DESC
            """;

    private ExportQueries() {
    }
}
