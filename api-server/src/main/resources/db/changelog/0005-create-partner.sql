--liquibase formatted sql
-- Referral partners; external_id is the CRM's own id, unique per organization.

--changeset rapport:0005-create-partner
CREATE TABLE partner (
    org_id       uuid        NOT NULL REFERENCES organization (org_id),
    partner_id   uuid        NOT NULL,
    external_id  text,
    name         text        NOT NULL,
    company      text,
    type         text        NOT NULL CHECK (type IN ('realtor', 'financial_planner', 'cpa', 'builder',
                                                      'attorney', 'insurance', 'other')),
    email        text,
    phone        text,
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (org_id, partner_id),
    UNIQUE (org_id, external_id)
);
CREATE INDEX partner_by_type ON partner (org_id, type, partner_id);
