--liquibase formatted sql
-- Partner logos (JPEG, PNG or WebP, at most 5 MiB) that co-branded material shows beside the officer's name.

--changeset rapport:0304-create-partner-logo
CREATE TABLE partner_logo (
    org_id        uuid        NOT NULL,
    partner_id    uuid        NOT NULL,
    content_type  text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    width         integer     NOT NULL CHECK (width > 0),
    height        integer     NOT NULL CHECK (height > 0),
    size_bytes    integer     NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
    etag          text        NOT NULL,
    bytes         bytea       NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (org_id, partner_id),
    FOREIGN KEY (org_id, partner_id) REFERENCES partner (org_id, partner_id) ON DELETE CASCADE
);
