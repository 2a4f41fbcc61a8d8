--liquibase formatted sql
-- One-time install links (/i/{code}): the partner's phone exchanges the code once, within 7 days, for a
-- fresh install token. Only a SHA-256 hash of the code is kept; the code names its org, like the token.

--changeset rapport:0930-create-install-link
CREATE TABLE install_link (
    org_id      uuid        NOT NULL,
    code_hash   bytea       NOT NULL,
    install_id  uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (org_id, code_hash),
    FOREIGN KEY (org_id, install_id) REFERENCES app_install (org_id, install_id) ON DELETE CASCADE
);
