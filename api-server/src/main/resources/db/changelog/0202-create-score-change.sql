--liquibase formatted sql
-- The change feed of tiers and stages. seq is taken from a per-organization counter row updated in
-- the same transaction as the change: the row lock is held until commit, so seq order is commit order
-- and a reader polling "seq > cursor" can never see a later change before an earlier one commits.

--changeset rapport:0202-create-score-change
CREATE TABLE score_change_counter (
    org_id    uuid   NOT NULL REFERENCES organization (org_id),
    last_seq  bigint NOT NULL,
    PRIMARY KEY (org_id)
);

CREATE TABLE score_change (
    org_id           uuid        NOT NULL,
    seq              bigint      NOT NULL,
    relationship_id  uuid        NOT NULL,
    officer_id       uuid        NOT NULL,
    partner_id       uuid        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('tier', 'stage')),
    from_value       text,
    to_value         text        NOT NULL,
    score            integer     NOT NULL,
    cause            text        NOT NULL CHECK (cause IN ('event', 'time')),
    changed_at       timestamptz NOT NULL,
    PRIMARY KEY (org_id, seq)
);
CREATE INDEX score_change_by_relationship ON score_change (org_id, relationship_id, seq);
