-- Evidence that quotes its source (issue 17): the sentence as the cited paper prints it and, when the paper's text
-- is stored, where it stands in that text. Proposals of the evidence finder an analyst rejected, remembered per
-- paper, forecast and sentence (keyed by the sentence's text, as extraction decisions are).
alter table evidence add column quote varchar(4000);
alter table evidence add column quote_start integer;
alter table evidence add column quote_end integer;
alter table evidence add constraint evidence_quote_span_ck check (
    (quote_start is null and quote_end is null) or (quote is not null and quote_start >= 0 and quote_end > quote_start));

create table evidence_proposal_rejection (
    id           bigint generated always as identity primary key,
    paper_id     bigint       not null references paper (id) on delete cascade,
    forecast_id  bigint       not null references forecast (id) on delete cascade,
    sentence_key varchar(64)  not null,
    rejected_by  varchar(64)  not null,
    rejected_at  timestamptz  not null default now(),
    constraint evidence_proposal_rejection_uq unique (paper_id, forecast_id, sentence_key)
);
