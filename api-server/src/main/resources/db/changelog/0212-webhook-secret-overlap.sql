--liquibase formatted sql
-- Rotating a webhook signing secret without dropping deliveries: for webhooks.secretRotationOverlap
-- after a rotation, deliveries carry a signature by the previous secret beside the new one (Standard
-- Webhooks allows several in webhook-signature), so a receiver can switch secrets at its own pace.

--changeset rapport:0212-webhook-secret-overlap
ALTER TABLE webhook_subscription
    ADD COLUMN previous_secret        text,
    ADD COLUMN previous_secret_until  timestamptz;
