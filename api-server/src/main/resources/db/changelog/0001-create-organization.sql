--liquibase formatted sql
-- Organizations: the tenants. Every other table is keyed by org_id first.

--changeset rapport:0001-create-organization
CREATE TABLE organization (
    org_id      uuid        PRIMARY KEY,
    name        text        NOT NULL,
    status      text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated')),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
