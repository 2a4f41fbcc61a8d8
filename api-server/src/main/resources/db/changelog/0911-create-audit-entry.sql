--liquibase formatted sql
-- The audit log of administrative and security-relevant actions, written in the transaction of the action
-- it records. The actor is a credential id, never a secret. audit_id is time-ordered (UUIDv7): the listing
-- and its cursor go by it, newest first. Entries older than audit.retention are purged by occurred_at.

--changeset rapport:0911-create-audit-entry
CREATE TABLE audit_entry (
    org_id        uuid        NOT NULL,
    audit_id      uuid        NOT NULL,
    action        text        NOT NULL,
    actor_type    text        NOT NULL CHECK (actor_type IN ('api_key', 'platform_admin', 'install', 'system')),
    actor_key_id  uuid,
    target_type   text,
    target_id     text,
    request_id    text,
    details       jsonb,
    occurred_at   timestamptz NOT NULL,
    PRIMARY KEY (org_id, audit_id)
);
CREATE INDEX audit_entry_by_action ON audit_entry (org_id, action, audit_id DESC);
CREATE INDEX audit_entry_by_age ON audit_entry (occurred_at);
