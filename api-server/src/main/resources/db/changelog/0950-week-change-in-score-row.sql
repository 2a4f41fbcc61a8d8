--liquibase formatted sql
-- Two things the score row now answers without reading the events (issue 15).
--
-- The change sort: the 7-day change is computed when the row is written (ingest, the sweep, a rescore) and
-- stored with the score it was computed at and the instant it stops holding (change_until: a rounded score
-- falls a point or a contribution leaves the window; NULL when it never changes). The index serves the
-- change sort as relationship_score_rank serves the score sort; due_at is never after change_until, so the
-- sweep computes it again in time, and a read computes rows it has not reached yet itself. The change needs
-- the contributions a 7-day window may still hold (recent, see WeekWindow): the 16 oldest one by one, as
-- {"e": [[epoch µs, weight], ...]}, and the younger ones as one sum, "t": [raw, ref µs, oldest µs]; built in
-- SQL by week_window for the rescore and this migration.
--
-- The daily cap: capped_days held the latest day counted per capped type, so a late event of an earlier day
-- had to ask usage_event whether that day already counted. It now holds the counted days of the last 732 as
-- a bitmap per type ("<latest epoch day>:<hex>", see CountedDays), and capped_day_bits builds that text in
-- SQL for the rescore and this migration.

--changeset rapport:0950-week-change-columns
ALTER TABLE relationship_score
    ADD COLUMN recent       jsonb       NOT NULL DEFAULT '{"e": []}'::jsonb,
    ADD COLUMN change_7d    smallint    NOT NULL DEFAULT 0,
    ADD COLUMN change_score smallint    NOT NULL DEFAULT 0,
    -- existing rows start out stale: the sweep computes their change
    ADD COLUMN change_until timestamptz DEFAULT '-infinity';
ALTER TABLE relationship_score ALTER COLUMN change_until DROP DEFAULT;

CREATE INDEX relationship_score_change
    ON relationship_score (org_id, officer_id, change_7d DESC, change_score DESC, relationship_id DESC);

-- Every score write inserts into each of the table's indexes (a rank key change rules out HOT updates), so
-- the one index a partner's few scores were read by goes: that read starts from relationship_by_partner.
DROP INDEX relationship_score_by_partner;

--changeset rapport:0950-capped-day-bits splitStatements:false
-- The distinct days among {@code days}, as CountedDays encodes them: digit k holds the days latest − 4k
-- (bit 1) to latest − 4k − 3 (bit 8); days 732 or more before the latest are left out.
CREATE FUNCTION capped_day_bits(days bigint[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH latest AS (SELECT max(x) AS l FROM unnest(days) x),
         digit AS (SELECT (l - x) / 4 AS k, bit_or(1 << ((l - x) % 4)::int) AS v
                   FROM unnest(days) x, latest WHERE l - x < 732 GROUP BY 1)
    SELECT (SELECT l FROM latest) || ':' || string_agg(to_hex(coalesce(d.v, 0)), '' ORDER BY g.k)
    FROM generate_series(0, (SELECT max(k) FROM digit)) g(k) LEFT JOIN digit d ON d.k = g.k
$$;

--changeset rapport:0950-week-window splitStatements:false
-- The window of these contributions (their instants and weights), as WeekWindow keeps it: the 16 oldest
-- (by instant, then weight) one by one, the rest decayed to the latest of them with half-life half_life
-- (seconds), and the oldest of them.
CREATE FUNCTION week_window(ats timestamptz[], weights float8[], half_life float8) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH c AS (SELECT (extract(epoch FROM a) * 1000000)::bigint AS us, w, row_number() OVER (ORDER BY a, w) AS n
               FROM unnest(ats, weights) AS u(a, w)),
         rest AS (SELECT us, w, max(us) OVER () AS ref FROM c WHERE n > 16)
    SELECT jsonb_build_object('e', coalesce((SELECT jsonb_agg(jsonb_build_array(us, w) ORDER BY n) FROM c WHERE n <= 16),
                                            '[]'::jsonb))
           || coalesce((SELECT jsonb_build_object('t', jsonb_build_array(
                                   sum(w * power(2::float8, (us - ref)::float8 / 1000000 / half_life)), max(ref), min(us)))
                        FROM rest HAVING count(*) > 0), '{}'::jsonb)
$$;

--changeset rapport:0950-fill-days-and-recent
UPDATE relationship_score s
   SET capped_days = c.capped_days
  FROM (SELECT org_id, relationship_id, jsonb_object_agg(type, bits) AS capped_days
          FROM (SELECT e.org_id, e.relationship_id, e.type,
                       capped_day_bits(array_agg(DISTINCT
                           floor(extract(epoch FROM least(e.occurred_at, e.received_at)) / 86400)::bigint)) AS bits
                  FROM usage_event e JOIN scoring_model m ON m.org_id = e.org_id AND m.daily_cap @> to_jsonb(e.type)
                 GROUP BY e.org_id, e.relationship_id, e.type) t
         GROUP BY org_id, relationship_id) c
 WHERE s.org_id = c.org_id AND s.relationship_id = c.relationship_id;

UPDATE relationship_score s
   SET recent = r.recent
  FROM (SELECT c.org_id, c.relationship_id, week_window(array_agg(c.at), array_agg(c.weight), m.half_life_seconds) AS recent
          FROM (SELECT e.org_id, e.relationship_id, least(e.occurred_at, e.received_at) AS at,
                       (m.weights ->> e.type)::float8 AS weight
                  FROM usage_event e JOIN scoring_model m ON m.org_id = e.org_id AND NOT m.daily_cap @> to_jsonb(e.type)
                 WHERE e.occurred_at > now() - INTERVAL '7 days 1 hour'
                UNION ALL
                SELECT DISTINCT e.org_id, e.relationship_id,
                       to_timestamp(floor(extract(epoch FROM least(e.occurred_at, e.received_at)) / 86400) * 86400),
                       (m.weights ->> e.type)::float8
                  FROM usage_event e JOIN scoring_model m ON m.org_id = e.org_id AND m.daily_cap @> to_jsonb(e.type)
                 WHERE e.occurred_at > now() - INTERVAL '7 days 1 hour') c
          JOIN scoring_model m ON m.org_id = c.org_id
         WHERE c.weight <> 0 AND c.at > now() - INTERVAL '7 days 1 hour'
         GROUP BY c.org_id, c.relationship_id, m.half_life_seconds) r
 WHERE s.org_id = r.org_id AND s.relationship_id = r.relationship_id;

UPDATE relationship_score SET due_at = now() WHERE due_at IS NULL OR due_at > now();
