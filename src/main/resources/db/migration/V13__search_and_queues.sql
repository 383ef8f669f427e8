-- Full-text search (issue 16): a forecast is found by the words of its statement, quote and condition, of its
-- paper's title and publisher, and of its authors' names. Each has its own indexed document, and a search is
-- the union of three index look-ups (ForecastService.list), never a scan of every forecast.
alter table forecast add column search tsvector generated always as (
    setweight(to_tsvector('english', statement), 'A')
    || setweight(to_tsvector('english', quote), 'B')
    || setweight(to_tsvector('english', coalesce(condition, '')), 'C')) stored;
create index forecast_search_idx on forecast using gin (search);

alter table paper add column search tsvector generated always as (
    to_tsvector('english', title || ' ' || publisher || ' ' || coalesce(series, ''))) stored;
create index paper_search_idx on paper using gin (search);

-- Names are not English words: the simple configuration, no stemming, no stop words.
alter table author_alias add column search tsvector generated always as (to_tsvector('simple', alias)) stored;
create index author_alias_search_idx on author_alias using gin (search);

-- "Did you mean": the name's words without their hyphens, sorted (AuthorNames.letters), equal for "Donggyu Lee"
-- and "Lee Dong-gyu". Filled by the service for rows written before the column existed (AuthorSkeletons).
alter table author_alias add column letters varchar(200);
create index author_alias_letters_idx on author_alias (letters);

-- The queues: pending forecasts by due date, and which have evidence.
create index forecast_pending_due_idx on forecast (resolve_by, id) where status = 'PENDING';
create index forecast_correction_by_idx on forecast_correction (corrected_by, forecast_id);
