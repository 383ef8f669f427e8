-- Reading a set of forecasts for scoring (an author's, a theme's) is the hot path of track records, author pages
-- and the leaderboard refresh after a resolution: forecast_author gives the ids, then each forecast is probed by id.
-- With only the primary key, every probe visits the forecast's heap page (wide rows: statement and quote), and at a
-- million forecasts the planner prefers a sequential scan and a hash join for any author with a thousand forecasts
-- (measured at 100,000 forecasts: 53 ms for a 1,303-forecast author). This index carries the scoring columns, so each
-- probe is an index-only scan of a narrow tuple (2.7 ms for the same author), and its tuples sit in id order.
create index forecast_scoring_idx on forecast (id)
    include (probability, status, outcome_credit, made_on, resolve_by, phrase_table_version, speaker, paper_id);
