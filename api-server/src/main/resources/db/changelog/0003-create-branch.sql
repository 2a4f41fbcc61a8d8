--liquibase formatted sql
-- Branches of an organization.

--changeset rapport:0003-create-branch
CREATE TABLE branch (
    org_id      uuid        NOT NULL REFERENCES organization (org_id),
    branch_id   uuid        NOT NULL,
    name        text        NOT NULL,
    region      text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (org_id, branch_id)
);
