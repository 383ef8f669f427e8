-- The evidence finder runs when a paper's text is attached (issue 17): one row per paper, the last run for its
-- current text. QUEUED is written in the transaction that stores the text, so that a text never lacks its run; the
-- run itself happens after the commit, in the background, and writes RUNNING, then DONE (with its figures) or
-- FAILED (with the reason). Runs still QUEUED or RUNNING when the service stopped are queued again at start.
create table evidence_finder_run (
    paper_id       bigint       primary key references paper (id) on delete cascade,
    text_sha256    varchar(64)  not null,
    status         varchar(16)  not null,
    queued_at      timestamptz  not null default now(),
    finished_at    timestamptz,
    forecasts_read integer,
    proposals      integer,
    millis         bigint,
    ranking        varchar(300),
    error          varchar(1000),
    constraint evidence_finder_run_status_ck check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    constraint evidence_finder_run_done_ck check (status <> 'DONE' or (proposals is not null and forecasts_read is not null))
);
