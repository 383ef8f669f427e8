-- A paper's plain text, for the extraction assistant, and what editors decided about its candidates.
create table paper_text (
    paper_id    bigint primary key references paper (id) on delete cascade,
    body        text         not null,
    sha256      varchar(64)  not null,
    uploaded_by varchar(64)  not null,
    uploaded_at timestamptz  not null default now(),
    constraint paper_text_size_ck check (length(body) between 1 and 2000000)
);

-- One decision per sentence of a paper (keyed by the sentence's text, so a re-uploaded text with other
-- offsets keeps its decisions): a rejected candidate is not proposed again, nor an accepted one.
create table extraction_decision (
    id           bigint generated always as identity primary key,
    paper_id     bigint       not null references paper (id) on delete cascade,
    sentence_key varchar(64)  not null,
    decision     varchar(8)   not null,
    forecast_id  bigint references forecast (id),
    decided_by   varchar(64)  not null,
    decided_at   timestamptz  not null default now(),
    constraint extraction_decision_uq unique (paper_id, sentence_key),
    constraint extraction_decision_ck check (decision in ('ACCEPTED', 'REJECTED')),
    constraint extraction_decision_forecast_ck check ((decision = 'ACCEPTED') = (forecast_id is not null))
);

-- Where a forecast's quote stands in its paper's stored text, when it was accepted from a candidate.
alter table forecast add column quote_start integer;
alter table forecast add column quote_end integer;
alter table forecast add constraint forecast_quote_span_ck check (
    (quote_start is null and quote_end is null) or (quote_start >= 0 and quote_end > quote_start));
