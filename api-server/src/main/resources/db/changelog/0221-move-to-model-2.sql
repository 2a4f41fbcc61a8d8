--liquibase formatted sql
-- Every organization moves to model 2's rules (daily cap on app opens, touches, app-only trend, next step
-- v2) as a new model version. Those still on model 1's default weights take model 2's weights; those who
-- edited their weights keep them, with the touches added at weight 0. Each gets a queued rescore job,
-- which the background job runner of any node picks up (an unfinished job already there restarts itself
-- with the new version), so every stored score is recomputed with the model it now reads with.

--changeset rapport:0221-move-to-model-2
UPDATE scoring_model
   SET weights = '{"app_installed": 5, "app_opened": 0.25, "profile_viewed": 2, "content_viewed": 2,
                   "calculator_used": 3, "content_shared": 5, "card_shared": 8, "contact_tapped": 10,
                   "feedback_given": 12, "meeting_logged": 10, "referral_sent": 25, "app_uninstalled": 0,
                   "note_sent": 0, "call_made": 0, "tool_shared": 0}'::jsonb,
       daily_cap = '["app_opened"]'::jsonb, version = version + 1, updated_at = now()
 WHERE weights = '{"app_installed": 5, "app_opened": 1, "profile_viewed": 2, "content_viewed": 2,
                   "calculator_used": 3, "content_shared": 5, "card_shared": 8, "contact_tapped": 10,
                   "feedback_given": 12, "meeting_logged": 10, "referral_sent": 25, "app_uninstalled": 0}'::jsonb;

UPDATE scoring_model
   SET weights = '{"note_sent": 0, "call_made": 0, "tool_shared": 0}'::jsonb || weights,
       daily_cap = '["app_opened"]'::jsonb, version = version + 1, updated_at = now()
 WHERE daily_cap = '[]'::jsonb;

INSERT INTO rescore_job (org_id, job_id, status, model_version, relationships, events, done, created_at)
SELECT org_id, gen_random_uuid(), 'queued', version, 0, 0, 0, now() FROM scoring_model
ON CONFLICT (org_id) WHERE status IN ('queued', 'running') DO NOTHING;
