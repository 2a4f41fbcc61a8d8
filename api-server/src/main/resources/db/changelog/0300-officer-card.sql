--liquibase formatted sql
-- The officer's card in the branded app: social links, brand colours, and the ETag of the photo kept in officer_photo.

--changeset rapport:0300-officer-card
ALTER TABLE officer
    ADD COLUMN social_links    jsonb,
    ADD COLUMN brand_primary   text CHECK (brand_primary ~ '^#[0-9A-Fa-f]{6}$'),
    ADD COLUMN brand_secondary text CHECK (brand_secondary ~ '^#[0-9A-Fa-f]{6}$'),
    ADD COLUMN brand_accent    text CHECK (brand_accent ~ '^#[0-9A-Fa-f]{6}$'),
    ADD COLUMN photo_etag      text;
