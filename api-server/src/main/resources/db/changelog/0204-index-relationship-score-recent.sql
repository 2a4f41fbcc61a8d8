--liquibase formatted sql
-- The officer's partners by last activity, most recent first: an index scan like the ranked list.

--changeset rapport:0204-index-relationship-score-recent
CREATE INDEX relationship_score_recent ON relationship_score (org_id, officer_id, last_activity_at DESC, relationship_id DESC);
