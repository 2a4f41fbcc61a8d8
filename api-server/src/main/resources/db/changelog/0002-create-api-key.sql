--liquibase formatted sql
-- Organization API keys: only a SHA-256 hash of the secret is kept; the key itself names its org.

--changeset rapport:0002-create-api-key
CREATE TABLE api_key (
    org_id        uuid        NOT NULL REFERENCES organization (org_id),
    key_id        uuid        NOT NULL,
    name          text        NOT NULL,
    prefix        text        NOT NULL,
    key_hash      bytea       NOT NULL,
    scopes        text[]      NOT NULL,
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    PRIMARY KEY (org_id, key_id),
    UNIQUE (org_id, key_hash)
);
