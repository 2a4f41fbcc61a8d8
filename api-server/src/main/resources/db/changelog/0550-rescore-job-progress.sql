--liquibase formatted sql
-- Rescore runs as a background job, queued → running → succeeded | failed, with its progress and,
-- when it failed, why. At most one unfinished job per organization.

--changeset rapport:0550-rescore-job-progress
ALTER TABLE rescore_job DROP CONSTRAINT rescore_job_status_check;
ALTER TABLE rescore_job ADD CONSTRAINT rescore_job_status_check
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed'));
ALTER TABLE rescore_job
    ADD COLUMN done        bigint NOT NULL DEFAULT 0,
    ADD COLUMN total       bigint,
    ADD COLUMN started_at  timestamptz,
    ADD COLUMN error_code  text;
CREATE UNIQUE INDEX rescore_job_unfinished ON rescore_job (org_id) WHERE status IN ('queued', 'running');
