--liquibase formatted sql
-- Partner-interest scores (DESIGN §4). One row per scored relationship holds the decayed sums as
-- (raw, ref_time) with ref_time the latest event time folded in, the stage facts, the last recorded
-- tier and stage, the instant the sweep must next look at it (due_at) and the time-invariant ranking
-- key. The per-type sums that explain a score live in relationship_type_score.

--changeset rapport:0201-create-relationship-score
CREATE TABLE relationship_score (
    org_id                uuid             NOT NULL,
    relationship_id       uuid             NOT NULL,
    officer_id            uuid             NOT NULL,
    partner_id            uuid             NOT NULL,
    raw                   double precision NOT NULL,
    short_raw             double precision NOT NULL,
    ref_time              timestamptz      NOT NULL,
    last_activity_at      timestamptz      NOT NULL,
    last_meeting_at       timestamptz,
    last_feedback_at      timestamptz,
    last_referral_at      timestamptz,
    previous_referral_at  timestamptz,
    tier                  text             NOT NULL DEFAULT 'cold',
    stage                 text             NOT NULL DEFAULT 'technoship',
    due_at                timestamptz,
    rank_key              double precision NOT NULL DEFAULT '-Infinity',
    model_version         integer          NOT NULL,
    updated_at            timestamptz      NOT NULL,
    PRIMARY KEY (org_id, relationship_id),
    FOREIGN KEY (org_id, relationship_id) REFERENCES relationship (org_id, relationship_id)
);
-- The ranked list per officer, and one partner across officers, are index scans.
CREATE INDEX relationship_score_rank ON relationship_score (org_id, officer_id, rank_key DESC, relationship_id DESC);
CREATE INDEX relationship_score_by_partner ON relationship_score (org_id, partner_id, rank_key DESC);
-- The sweep reads only due rows, across organizations.
CREATE INDEX relationship_score_due ON relationship_score (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE relationship_type_score (
    org_id           uuid             NOT NULL,
    relationship_id  uuid             NOT NULL,
    type             text             NOT NULL,
    raw              double precision NOT NULL,
    ref_time         timestamptz      NOT NULL,
    PRIMARY KEY (org_id, relationship_id, type),
    FOREIGN KEY (org_id, relationship_id) REFERENCES relationship_score (org_id, relationship_id)
);
