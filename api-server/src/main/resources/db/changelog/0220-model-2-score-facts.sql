--liquibase formatted sql
-- Scoring model 2 (DESIGN §4) keeps in the score row what the next step is chosen from, so no read scans
-- events: the officer's latest touch, the partner's latest signal and reach-out, the latest two distinct
-- UTC days of real use, the install state; the long app-signal sum the trend compares the short one with
-- (app_raw, at ref_time like raw and short_raw, which now holds the app signals only); per daily-capped
-- type the latest UTC day counted (capped_days, {type: epoch day}); and when an event last made the
-- partner ready for a meeting (cleared when the stage leaves technoship, so relationship.ready_for_meeting
-- is sent once per stay). The model names the types it counts once a day.

--changeset rapport:0220-model-2-score-facts
ALTER TABLE relationship_score
    ADD COLUMN app_raw               double precision NOT NULL DEFAULT 0,
    ADD COLUMN capped_days           jsonb            NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN last_touch_at         timestamptz,
    ADD COLUMN last_touch_type       text,
    ADD COLUMN last_signal_at        timestamptz,
    ADD COLUMN last_reach_out_at     timestamptz,
    ADD COLUMN last_reach_out_type   text,
    ADD COLUMN last_use_at           timestamptz,
    ADD COLUMN previous_use_at       timestamptz,
    ADD COLUMN last_installed_at     timestamptz,
    ADD COLUMN last_uninstalled_at   timestamptz,
    ADD COLUMN ready_for_meeting_at  timestamptz;

ALTER TABLE scoring_model ADD COLUMN daily_cap jsonb NOT NULL DEFAULT '[]'::jsonb;
