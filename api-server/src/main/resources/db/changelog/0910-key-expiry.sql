--liquibase formatted sql
-- Rotation without downtime: a rotated-out API key or install token keeps working until its expires_at,
-- then answers 401 with its own code. NULL: never expires.

--changeset rapport:0910-key-expiry
ALTER TABLE api_key ADD COLUMN expires_at timestamptz;
ALTER TABLE app_install ADD COLUMN expires_at timestamptz;
