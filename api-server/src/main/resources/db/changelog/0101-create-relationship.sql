--liquibase formatted sql
-- Relationships: one officer x one partner, the unit that is scored. Created on first sight by the
-- first event or app install for the pair (INSERT ... ON CONFLICT DO NOTHING).

--changeset rapport:0101-create-relationship
CREATE TABLE relationship (
    org_id           uuid        NOT NULL REFERENCES organization (org_id),
    relationship_id  uuid        NOT NULL,
    officer_id       uuid        NOT NULL,
    partner_id       uuid        NOT NULL,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (org_id, relationship_id),
    UNIQUE (org_id, officer_id, partner_id),
    FOREIGN KEY (org_id, officer_id) REFERENCES officer (org_id, officer_id),
    FOREIGN KEY (org_id, partner_id) REFERENCES partner (org_id, partner_id)
);
CREATE INDEX relationship_by_partner ON relationship (org_id, partner_id, officer_id);
