--liquibase formatted sql
-- The purge of finished deliveries older than the retention period (DeliveryPurge) reads them by age.

--changeset rapport:0801-index-finished-webhook-delivery
CREATE INDEX webhook_delivery_finished ON webhook_delivery (created_at) WHERE status <> 'pending';
