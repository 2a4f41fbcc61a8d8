--liquibase formatted sql
-- App installs: a partner's install of an officer's branded app. Only a SHA-256 hash of the install
-- token is kept; the token names its org. An app_uninstalled event marks it uninstalled; DELETE revokes.

--changeset rapport:0103-create-app-install
CREATE TABLE app_install (
    org_id           uuid        NOT NULL REFERENCES organization (org_id),
    install_id       uuid        NOT NULL,
    relationship_id  uuid        NOT NULL,
    platform         text,
    prefix           text        NOT NULL,
    token_hash       bytea       NOT NULL,
    status           text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'uninstalled', 'revoked')),
    created_at       timestamptz NOT NULL,
    uninstalled_at   timestamptz,
    revoked_at       timestamptz,
    PRIMARY KEY (org_id, install_id),
    UNIQUE (org_id, token_hash),
    FOREIGN KEY (org_id, relationship_id) REFERENCES relationship (org_id, relationship_id)
);
CREATE INDEX app_install_by_relationship ON app_install (org_id, relationship_id) WHERE status = 'active';
