--liquibase formatted sql
-- Idempotency keys of creates: the claim that stops two requests with one key from both running, then
-- the first response (status, headers, body) replayed to every repeat for 24 hours. org_id is the
-- caller's organization, or the nil UUID for the platform admin, so there is no foreign key.

--changeset rapport:0400-create-idempotency-key
CREATE TABLE idempotency_key (
    org_id            uuid        NOT NULL,
    idempotency_key   text        NOT NULL,
    request_hash      bytea       NOT NULL,
    claim_token       uuid        NOT NULL,
    state             text        NOT NULL CHECK (state IN ('in_progress', 'completed')),
    claimed_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    response_status   integer,
    response_headers  jsonb,
    response_body     bytea,
    PRIMARY KEY (org_id, idempotency_key)
);
-- The periodic purge deletes expired keys by this index.
CREATE INDEX idempotency_key_by_expiry ON idempotency_key (expires_at);
