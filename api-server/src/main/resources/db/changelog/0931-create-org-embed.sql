--liquibase formatted sql
-- The officer's score card page: each organization's HMAC key for its signed embed tokens (made on the
-- first mint, never shown) and the origins allowed to frame the page (CSP frame-ancestors).

--changeset rapport:0931-create-org-embed
CREATE TABLE org_embed (
    org_id           uuid        NOT NULL PRIMARY KEY REFERENCES organization (org_id),
    signing_key      bytea       NOT NULL,
    frame_ancestors  text[]      NOT NULL DEFAULT '{}',
    updated_at       timestamptz NOT NULL
);
