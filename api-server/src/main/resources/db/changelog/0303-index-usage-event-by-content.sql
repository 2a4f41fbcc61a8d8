--liquibase formatted sql
-- Content statistics read usage events by item and by officer over a window; only events that name an item are indexed.

--changeset rapport:0303-index-usage-event-by-content
CREATE INDEX usage_event_by_content ON usage_event (org_id, content_id, occurred_at) WHERE content_id IS NOT NULL;
CREATE INDEX usage_event_content_by_officer ON usage_event (org_id, officer_id, occurred_at) WHERE content_id IS NOT NULL;
