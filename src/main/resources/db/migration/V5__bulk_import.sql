-- Authors whose leaderboard rows (author_score, author_theme_score) a bulk import has yet to recompute.
-- A bulk chunk writes its forecasts and these markers in one transaction; the markers are removed in the
-- transaction that recomputes the rows. So a crash between the two leaves a marker, never a silent stale row:
-- the next import or start-up finishes the work (ScoreAggregates.refreshPending).
create table score_refresh_pending (
    author_id bigint      primary key references author (id) on delete cascade,
    marked_at timestamptz not null default now()
);
