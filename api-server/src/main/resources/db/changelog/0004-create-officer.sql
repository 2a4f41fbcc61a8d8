--liquibase formatted sql
-- Loan officers; external_id is the CRM's own id, unique per organization.

--changeset rapport:0004-create-officer
CREATE TABLE officer (
    org_id        uuid        NOT NULL REFERENCES organization (org_id),
    officer_id    uuid        NOT NULL,
    external_id   text,
    branch_id     uuid,
    display_name  text        NOT NULL,
    title         text,
    nmls_id       text,
    phone         text,
    email         text,
    bio           text,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (org_id, officer_id),
    UNIQUE (org_id, external_id),
    FOREIGN KEY (org_id, branch_id) REFERENCES branch (org_id, branch_id)
);
CREATE INDEX officer_by_branch ON officer (org_id, branch_id, officer_id);
