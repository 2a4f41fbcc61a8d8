--liquibase formatted sql
-- The branded app's content library: items with a lifecycle, a publish window, an audience and a version for If-Match.

--changeset rapport:0302-create-content-item
CREATE TABLE content_item (
    org_id                  uuid        NOT NULL REFERENCES organization (org_id),
    content_id              uuid        NOT NULL,
    kind                    text        NOT NULL CHECK (kind IN ('article', 'calculator', 'rate_update', 'market_report',
                                                                 'checklist', 'video', 'cobranded_flyer')),
    title                   text        NOT NULL,
    summary                 text,
    body                    text,
    url                     text,
    image_url               text,
    parameters              jsonb,
    status                  text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    publish_at              timestamptz,
    expire_at               timestamptz,
    audience_partner_types  text[]      NOT NULL DEFAULT '{}',
    audience_branch_ids     uuid[]      NOT NULL DEFAULT '{}',
    audience_officer_ids    uuid[]      NOT NULL DEFAULT '{}',
    tags                    text[]      NOT NULL DEFAULT '{}',
    version                 integer     NOT NULL,
    published_at            timestamptz,
    archived_at             timestamptz,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    PRIMARY KEY (org_id, content_id),
    CHECK (expire_at IS NULL OR publish_at IS NULL OR expire_at > publish_at)
);
-- The app feed reads only the published items of one organization.
CREATE INDEX content_item_published ON content_item (org_id, publish_at) WHERE status = 'published';
