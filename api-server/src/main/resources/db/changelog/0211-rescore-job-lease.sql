--liquibase formatted sql
-- Rescore jobs survive a restart and run on any node: the node running a job holds a lease on it,
-- renewed with each step, and records where the job stands (the last relationship done) in the same
-- transaction as the step. A node stopping releases its leases; a lease left by a node that died runs
-- out. Either way another node takes the job over and carries on from where it stood.

--changeset rapport:0211-rescore-job-lease
ALTER TABLE rescore_job
    ADD COLUMN resume_after  uuid,
    ADD COLUMN lease_owner   text,
    ADD COLUMN lease_until   timestamptz;
