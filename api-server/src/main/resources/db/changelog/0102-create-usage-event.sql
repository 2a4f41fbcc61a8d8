--liquibase formatted sql
-- Usage events. The client's event_id is the primary key, so a repeat is a no-op forever, decided by
-- the database (INSERT ... ON CONFLICT DO NOTHING) even across concurrent requests and nodes. Rows
-- are only ever inserted. Officer and partner are reached through the relationship's foreign key.

--changeset rapport:0102-create-usage-event
CREATE TABLE usage_event (
    org_id           uuid        NOT NULL,
    event_id         uuid        NOT NULL,
    relationship_id  uuid        NOT NULL,
    officer_id       uuid        NOT NULL,
    partner_id       uuid        NOT NULL,
    type             text        NOT NULL,
    occurred_at      timestamptz NOT NULL,
    received_at      timestamptz NOT NULL,
    content_id       uuid,
    properties       jsonb,
    PRIMARY KEY (org_id, event_id),
    FOREIGN KEY (org_id, relationship_id) REFERENCES relationship (org_id, relationship_id)
);
-- The timelines, newest first: per relationship and per partner.
CREATE INDEX usage_event_timeline ON usage_event (org_id, relationship_id, occurred_at DESC, event_id DESC);
CREATE INDEX usage_event_by_partner ON usage_event (org_id, partner_id, occurred_at DESC, event_id DESC);
