--liquibase formatted sql
-- The per-type sums move into the score row, as one jsonb object {type: raw} expressed at the row's
-- ref_time (the same reference as the total, so they add up to it). Ingest then writes each score row
-- once per batch instead of once per relationship plus once per relationship and type. Existing sums
-- are carried over, decayed from their own ref_time to the row's with the organization's half-life
-- (the DESIGN §4 default, 21 days, for an organization that never changed its model).

--changeset rapport:0210-type-sums-in-score-row
ALTER TABLE relationship_score ADD COLUMN type_raws jsonb NOT NULL DEFAULT '{}'::jsonb;

UPDATE relationship_score s
   SET type_raws = t.type_raws
  FROM (SELECT ts.org_id, ts.relationship_id,
               jsonb_object_agg(ts.type, ts.raw * power(2::float8,
                   (extract(epoch FROM ts.ref_time) - extract(epoch FROM rs.ref_time))::float8
                   / COALESCE(m.half_life_seconds, 1814400))) AS type_raws
          FROM relationship_type_score ts
          JOIN relationship_score rs ON rs.org_id = ts.org_id AND rs.relationship_id = ts.relationship_id
          LEFT JOIN scoring_model m ON m.org_id = ts.org_id
         GROUP BY ts.org_id, ts.relationship_id) t
 WHERE s.org_id = t.org_id AND s.relationship_id = t.relationship_id;

DROP TABLE relationship_type_score;
