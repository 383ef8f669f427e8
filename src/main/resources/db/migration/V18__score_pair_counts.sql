-- The leaderboards' rows kept by deltas (issue 18).
--
-- Every figure of docs/scoring.md depends only on the multiset of (p, o) pairs of a set, and a policy ledger has
-- few distinct probabilities and outcomes. So each author's set, overall and per theme (a theme including its
-- sub-themes, a forecast counted once), is kept as its distinct (p, o) pairs with their counts. A verdict, a later
-- verdict or a withdrawal moves one forecast from one pair to another: a few row updates whatever the author's
-- size (ScoreAggregates.applyOutcomes). The rows of author_score and author_theme_score (n and the mean Brier, what
-- the board sorts on) are recomputed from the touched sets' pairs in the same transaction; the bootstrap interval
-- and the standard error are computed on read from the pairs and remembered by them (Scorer.score(Runs)), so they
-- are no longer stored. Changes that move a forecast between authors or themes, or change its probability (a
-- correction, a merge, an import), recount the touched authors' pairs from the forecasts (ScoreAggregates.refresh);
-- both paths end in the same rows, which a test checks after a random sequence of every kind of change.

create table author_score_pair (
    author_id bigint           not null references author (id) on delete cascade,
    p         double precision not null,
    o         double precision not null,
    n         integer          not null,
    primary key (author_id, p, o),
    constraint author_score_pair_n_ck check (n >= 0)
);

create table author_theme_score_pair (
    author_id bigint           not null references author (id) on delete cascade,
    theme_id  bigint           not null references theme (id) on delete cascade,
    p         double precision not null,
    o         double precision not null,
    n         integer          not null,
    primary key (author_id, theme_id, p, o),
    constraint author_theme_score_pair_n_ck check (n >= 0)
);
create index author_theme_score_pair_theme_idx on author_theme_score_pair (theme_id);

insert into author_score_pair (author_id, p, o, n)
select fa.author_id, f.probability, f.outcome_credit, count(*)
from forecast_author fa
         join forecast f on f.id = fa.forecast_id
where f.status in ('TRUE', 'FALSE', 'PARTIAL') and f.outcome_credit is not null
group by fa.author_id, f.probability, f.outcome_credit;

insert into author_theme_score_pair (author_id, theme_id, p, o, n)
with recursive closure (theme_id, ancestor_id) as (
    select id, id from theme
    union
    select c.theme_id, t.parent_id from closure c join theme t on t.id = c.ancestor_id where t.parent_id is not null
)
select fa.author_id, c.ancestor_id, f.probability, f.outcome_credit, count(distinct f.id)
from forecast_author fa
         join forecast f on f.id = fa.forecast_id
         join forecast_theme ft on ft.forecast_id = f.id
         join closure c on c.theme_id = ft.theme_id
where f.status in ('TRUE', 'FALSE', 'PARTIAL') and f.outcome_credit is not null
group by fa.author_id, c.ancestor_id, f.probability, f.outcome_credit;

alter table author_score
    drop column std_error,
    drop column interval_low,
    drop column interval_high;
alter table author_theme_score
    drop column std_error,
    drop column interval_low,
    drop column interval_high;
