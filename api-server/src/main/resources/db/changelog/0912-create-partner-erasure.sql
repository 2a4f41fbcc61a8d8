--liquibase formatted sql
-- Partner erasure. partner_tombstone remembers an erased partner's id and a SHA-256 of its external id (never
-- the external id itself), so later events naming either are rejected (partner_erased) instead of finding
-- nothing or recreating the partner's relationships. erased_activity keeps, without any link to the partner
-- (subject is a random id drawn per erasure, only so that "unique partners" still counts distinct people),
-- the events that branch, organization and content statistics count; erased_tier_move keeps the tier moves
-- the 30-day movement figures count.

--changeset rapport:0912-create-partner-erasure
CREATE TABLE partner_tombstone (
    org_id            uuid        NOT NULL REFERENCES organization (org_id),
    partner_id        uuid        NOT NULL,
    external_id_hash  bytea,
    erased_at         timestamptz NOT NULL,
    PRIMARY KEY (org_id, partner_id)
);
CREATE INDEX partner_tombstone_by_external_id ON partner_tombstone (org_id, external_id_hash)
    WHERE external_id_hash IS NOT NULL;

CREATE TABLE erased_activity (
    org_id       uuid        NOT NULL,
    activity_id  bigint      GENERATED ALWAYS AS IDENTITY,
    officer_id   uuid        NOT NULL,
    subject      uuid        NOT NULL,
    type         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    content_id   uuid,
    PRIMARY KEY (org_id, activity_id)
);
CREATE INDEX erased_activity_by_officer ON erased_activity (org_id, officer_id, occurred_at);
CREATE INDEX erased_activity_by_content ON erased_activity (org_id, content_id, occurred_at) WHERE content_id IS NOT NULL;

CREATE TABLE erased_tier_move (
    org_id      uuid        NOT NULL,
    move_id     bigint      GENERATED ALWAYS AS IDENTITY,
    officer_id  uuid        NOT NULL,
    from_value  text,
    to_value    text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (org_id, move_id)
);
CREATE INDEX erased_tier_move_by_officer ON erased_tier_move (org_id, officer_id, changed_at);
