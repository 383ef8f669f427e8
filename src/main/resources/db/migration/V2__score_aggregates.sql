-- Maintained per-author aggregates for the leaderboards.
--
-- Why maintained rather than computed per request: a leaderboard ranks every author by shrunk Brier,
-- and at a million forecasts the GROUP BY over forecast_author x forecast reads ~1M rows per request,
-- hundreds of milliseconds; with these rows it sorts 10,000 small rows. They also carry the bootstrap
-- interval, which SQL cannot compute. Track records of one author, theme or paper are computed live
-- from the forecasts (an index range scan of that set), so they need no aggregate and can never be stale.
--
-- The rows are recomputed from the forecasts (never patched by deltas) for the authors a write touches,
-- inside the write's transaction (ScoreAggregates), with the authors' rows locked so that two writes
-- on one author's forecasts cannot interleave their reads.

create table author_score (
    author_id     bigint primary key references author (id) on delete cascade,
    n             integer          not null,
    brier         double precision not null,
    std_error     double precision,
    interval_low  double precision not null,
    interval_high double precision not null,
    refreshed_at  timestamptz      not null default now(),
    constraint author_score_n_ck check (n > 0),
    constraint author_score_brier_ck check (brier >= 0 and brier <= 1)
);

-- One row per author and theme, the theme including its sub-themes (a forecast counts once).
create table author_theme_score (
    author_id     bigint           not null references author (id) on delete cascade,
    theme_id      bigint           not null references theme (id) on delete cascade,
    n             integer          not null,
    brier         double precision not null,
    std_error     double precision,
    interval_low  double precision not null,
    interval_high double precision not null,
    refreshed_at  timestamptz      not null default now(),
    primary key (theme_id, author_id),
    constraint author_theme_score_n_ck check (n > 0),
    constraint author_theme_score_brier_ck check (brier >= 0 and brier <= 1)
);
create index author_theme_score_author_idx on author_theme_score (author_id);
