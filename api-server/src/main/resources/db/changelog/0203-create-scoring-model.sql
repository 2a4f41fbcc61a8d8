--liquibase formatted sql
-- Editable, versioned scoring models (an organization without a row scores with the DESIGN §4
-- defaults, version 1), the rescore jobs that apply them, and "rescore" as a cause in the feed.

--changeset rapport:0203-create-scoring-model
CREATE TABLE scoring_model (
    org_id                   uuid             NOT NULL REFERENCES organization (org_id),
    version                  integer          NOT NULL,
    weights                  jsonb            NOT NULL,
    half_life_seconds        double precision NOT NULL,
    short_half_life_seconds  double precision NOT NULL,
    k                        double precision NOT NULL,
    warming_at               integer          NOT NULL,
    engaged_at               integer          NOT NULL,
    hot_at                   integer          NOT NULL,
    hysteresis               integer          NOT NULL,
    updated_at               timestamptz      NOT NULL,
    PRIMARY KEY (org_id)
);

CREATE TABLE rescore_job (
    org_id         uuid        NOT NULL REFERENCES organization (org_id),
    job_id         uuid        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    model_version  integer     NOT NULL,
    relationships  integer,
    events         bigint,
    created_at     timestamptz NOT NULL,
    finished_at    timestamptz,
    PRIMARY KEY (org_id, job_id)
);

ALTER TABLE score_change DROP CONSTRAINT score_change_cause_check;
ALTER TABLE score_change ADD CONSTRAINT score_change_cause_check CHECK (cause IN ('event', 'time', 'rescore'));
