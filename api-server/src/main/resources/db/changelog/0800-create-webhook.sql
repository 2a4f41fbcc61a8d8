--liquibase formatted sql
-- Webhook subscriptions, their outbox of deliveries and every attempt. A delivery row is written in the
-- same transaction as the change it reports (ScoreChangeLog.append), so a committed change always has
-- its deliveries and a rolled-back one never does. The signing secret is kept usable (HMAC needs the
-- key itself, unlike API keys, which are only compared by hash).

--changeset rapport:0800-create-webhook
CREATE TABLE webhook_subscription (
    org_id                uuid        NOT NULL REFERENCES organization (org_id),
    subscription_id       uuid        NOT NULL,
    url                   text        NOT NULL,
    event_types           text[]      NOT NULL,
    description           text,
    secret                text        NOT NULL,
    active                boolean     NOT NULL,
    disabled_reason       text,
    -- the current run of failed attempts, for the sustained-failure rule (WebhookHealth)
    consecutive_failures  integer     NOT NULL DEFAULT 0,
    failing_since         timestamptz,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    PRIMARY KEY (org_id, subscription_id)
);
-- the outbox insert reads an organization's active subscriptions with every batch of changes
CREATE INDEX webhook_subscription_active ON webhook_subscription (org_id) WHERE active;

CREATE TABLE webhook_delivery (
    org_id           uuid        NOT NULL,
    delivery_id      uuid        NOT NULL DEFAULT gen_random_uuid(),
    -- creation order, for the newest-first listing (delivery ids are random)
    delivery_seq     bigint      GENERATED ALWAYS AS IDENTITY,
    subscription_id  uuid        NOT NULL,
    event_type       text        NOT NULL,
    payload          jsonb       NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    created_at       timestamptz NOT NULL,
    next_attempt_at  timestamptz,
    attempt_count    integer     NOT NULL DEFAULT 0,
    -- attempt_count when the current retry budget began (a redelivery starts a new budget)
    budget_start     integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, delivery_id),
    FOREIGN KEY (org_id, subscription_id) REFERENCES webhook_subscription (org_id, subscription_id) ON DELETE CASCADE
);
-- what the dispatcher claims: pending rows by due time, across organizations
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_by_subscription ON webhook_delivery (org_id, subscription_id, delivery_seq);

CREATE TABLE webhook_attempt (
    org_id        uuid        NOT NULL,
    delivery_id   uuid        NOT NULL,
    attempt_no    integer     NOT NULL,
    attempted_at  timestamptz NOT NULL,
    status_code   integer,
    error         text,
    duration_ms   bigint      NOT NULL,
    PRIMARY KEY (org_id, delivery_id, attempt_no),
    FOREIGN KEY (org_id, delivery_id) REFERENCES webhook_delivery (org_id, delivery_id) ON DELETE CASCADE
);
