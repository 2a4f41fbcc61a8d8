--liquibase formatted sql
-- Officer photos (JPEG, PNG or WebP, at most 5 MiB), one per officer, in their own table so officer reads never carry the bytes.

--changeset rapport:0301-create-officer-photo
CREATE TABLE officer_photo (
    org_id        uuid        NOT NULL,
    officer_id    uuid        NOT NULL,
    content_type  text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    width         integer     NOT NULL CHECK (width > 0),
    height        integer     NOT NULL CHECK (height > 0),
    size_bytes    integer     NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
    etag          text        NOT NULL,
    bytes         bytea       NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (org_id, officer_id),
    FOREIGN KEY (org_id, officer_id) REFERENCES officer (org_id, officer_id) ON DELETE CASCADE
);
