-- The forecast ledger. The database refuses bad data itself: every range, enumeration and
-- "one of these two" rule is a constraint here as well as a validation in the service.

create table app_user (
    id            bigint generated always as identity primary key,
    username      varchar(64)  not null,
    display_name  varchar(200) not null,
    password_hash varchar(100) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    version       bigint       not null default 0,
    constraint app_user_username_uq unique (username),
    constraint app_user_username_ck check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$')
);

create table app_user_role (
    user_id bigint      not null references app_user (id) on delete cascade,
    role    varchar(16) not null,
    primary key (user_id, role),
    constraint app_user_role_ck check (role in ('EDITOR', 'ANALYST', 'REVIEWER', 'ADMIN'))
);

create table author (
    id           bigint generated always as identity primary key,
    slug         varchar(100) not null,
    display_name varchar(200) not null,
    affiliation  varchar(300),
    created_at   timestamptz  not null default now(),
    version      bigint       not null default 0,
    constraint author_slug_uq unique (slug),
    constraint author_slug_ck check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

-- alias_key is the alias folded for lookup (case, spaces, hyphens, name order): see AuthorNames.key
create table author_alias (
    id        bigint generated always as identity primary key,
    author_id bigint       not null references author (id) on delete cascade,
    alias     varchar(200) not null,
    alias_key varchar(200) not null,
    constraint author_alias_key_uq unique (alias_key)
);
create index author_alias_author_idx on author_alias (author_id);

-- A merged author's old slug keeps answering: it points at the author it was merged into.
create table author_merge (
    id             bigint generated always as identity primary key,
    from_slug      varchar(100) not null,
    from_name      varchar(200) not null,
    into_author_id bigint       not null references author (id) on delete cascade,
    merged_by      varchar(64)  not null,
    merged_at      timestamptz  not null default now(),
    constraint author_merge_from_uq unique (from_slug)
);

create table theme (
    id        bigint generated always as identity primary key,
    slug      varchar(100) not null,
    name      varchar(200) not null,
    parent_id bigint references theme (id),
    version   bigint       not null default 0,
    constraint theme_slug_uq unique (slug),
    constraint theme_slug_ck check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint theme_parent_ck check (parent_id is null or parent_id <> id)
);

-- A source is a paper. published_on is the first day of the stated month or year when the paper
-- gives only that much; published_precision says how much of the date is real.
create table paper (
    id                  bigint generated always as identity primary key,
    slug                varchar(100)  not null,
    title               varchar(500)  not null,
    publisher           varchar(300)  not null,
    series              varchar(300),
    url                 varchar(2000),
    published_on        date          not null,
    published_precision varchar(5)    not null,
    language            varchar(8)    not null default 'en',
    created_by          varchar(64)   not null,
    created_at          timestamptz   not null default now(),
    version             bigint        not null default 0,
    constraint paper_slug_uq unique (slug),
    constraint paper_slug_ck check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint paper_precision_ck check (
        (published_precision = 'DAY')
        or (published_precision = 'MONTH' and extract(day from published_on) = 1)
        or (published_precision = 'YEAR' and extract(day from published_on) = 1 and extract(month from published_on) = 1)),
    constraint paper_language_ck check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$'),
    constraint paper_url_ck check (url is null or url ~ '^https?://')
);

create table paper_author (
    paper_id  bigint   not null references paper (id) on delete cascade,
    position  smallint not null,
    author_id bigint   not null references author (id),
    primary key (paper_id, position),
    constraint paper_author_uq unique (paper_id, author_id),
    constraint paper_author_position_ck check (position >= 0)
);
create index paper_author_author_idx on paper_author (author_id);

create table forecast (
    id                   bigint generated always as identity primary key,
    paper_id             bigint        not null references paper (id),
    statement            varchar(2000) not null,
    quote                varchar(4000) not null,
    speaker              varchar(12)   not null default 'AUTHORS',
    third_party          varchar(300),
    condition            varchar(2000),
    phrase               varchar(200),
    probability          double precision not null,
    probability_basis    varchar(12)   not null,
    phrase_table_version varchar(32),
    made_on              date          not null,
    resolve_by           date          not null,
    resolve_by_basis     varchar(12)   not null,
    resolve_by_note      varchar(1000),
    resolution_criteria  varchar(2000),
    -- The latest resolution, kept on the row so that lists, filters and scores need no
    -- "latest per forecast" subquery; ResolutionService writes both in one transaction.
    status               varchar(12)   not null default 'PENDING',
    outcome_credit       double precision,
    resolved_on          date,
    created_by           varchar(64)   not null,
    created_at           timestamptz   not null default now(),
    version              bigint        not null default 0,
    constraint forecast_probability_ck check (probability > 0 and probability < 1),
    constraint forecast_speaker_ck check (
        (speaker = 'AUTHORS' and third_party is null)
        or (speaker = 'THIRD_PARTY' and third_party is not null and length(btrim(third_party)) > 0)),
    constraint forecast_probability_basis_ck check (probability_basis in ('PRINTED', 'PHRASE_TABLE', 'EDITOR')),
    constraint forecast_phrase_table_ck check (
        (probability_basis = 'PHRASE_TABLE' and phrase_table_version is not null and phrase is not null)
        or (probability_basis <> 'PHRASE_TABLE' and phrase_table_version is null)),
    constraint forecast_resolve_by_basis_ck check (resolve_by_basis in ('STATED', 'INFERRED', 'EDITOR')),
    constraint forecast_resolve_by_note_ck check (resolve_by_basis = 'STATED' or resolve_by_note is not null),
    constraint forecast_dates_ck check (resolve_by >= made_on),
    constraint forecast_status_ck check (status in ('PENDING', 'TRUE', 'FALSE', 'PARTIAL', 'ANNULLED', 'AMBIGUOUS')),
    constraint forecast_outcome_ck check (
        (status = 'PENDING' and outcome_credit is null and resolved_on is null)
        or (status = 'TRUE' and outcome_credit = 1 and resolved_on is not null)
        or (status = 'FALSE' and outcome_credit = 0 and resolved_on is not null)
        or (status = 'PARTIAL' and outcome_credit >= 0 and outcome_credit <= 1 and resolved_on is not null)
        or (status in ('ANNULLED', 'AMBIGUOUS') and outcome_credit is null and resolved_on is not null))
);
create index forecast_paper_idx on forecast (paper_id);
create index forecast_status_resolve_by_idx on forecast (status, resolve_by);
create index forecast_made_on_idx on forecast (made_on);

-- Who the forecast scores for. Empty for a forecast the paper attributes to a third party.
create table forecast_author (
    forecast_id bigint not null references forecast (id) on delete cascade,
    author_id   bigint not null references author (id),
    primary key (forecast_id, author_id)
);
create index forecast_author_author_idx on forecast_author (author_id, forecast_id);

create table forecast_theme (
    forecast_id bigint not null references forecast (id) on delete cascade,
    theme_id    bigint not null references theme (id),
    primary key (forecast_id, theme_id)
);
create index forecast_theme_theme_idx on forecast_theme (theme_id, forecast_id);

-- Every change to a logged forecast, field by field, with its old value.
create table forecast_correction (
    id           bigint generated always as identity primary key,
    forecast_id  bigint        not null references forecast (id) on delete cascade,
    field        varchar(32)   not null,
    old_value    text,
    new_value    text,
    reason       varchar(2000) not null,
    corrected_by varchar(64)   not null,
    corrected_at timestamptz   not null default now()
);
create index forecast_correction_forecast_idx on forecast_correction (forecast_id);

create table evidence (
    id              bigint generated always as identity primary key,
    forecast_id     bigint        not null references forecast (id) on delete cascade,
    summary         varchar(4000) not null,
    observed_on     date          not null,
    citation_url    varchar(2000),
    cited_paper_id  bigint references paper (id),
    citation_note   varchar(1000),
    stance          varchar(8)    not null,
    added_by        varchar(64)   not null,
    added_at        timestamptz   not null default now(),
    constraint evidence_stance_ck check (stance in ('SUPPORTS', 'REFUTES', 'CONTEXT')),
    constraint evidence_citation_ck check ((citation_url is null) <> (cited_paper_id is null)),
    constraint evidence_url_ck check (citation_url is null or citation_url ~ '^https?://')
);
create index evidence_forecast_idx on evidence (forecast_id);

-- Append-only: a re-resolution is a new row with a reason; the highest seq is the one that counts.
create table resolution (
    id          bigint generated always as identity primary key,
    forecast_id bigint        not null references forecast (id) on delete cascade,
    seq         integer       not null,
    outcome     varchar(12)   not null,
    credit      double precision,
    resolved_on date          not null,
    rationale   varchar(4000) not null,
    reason      varchar(2000),
    reviewer    varchar(64)   not null,
    created_at  timestamptz   not null default now(),
    constraint resolution_seq_uq unique (forecast_id, seq),
    constraint resolution_seq_ck check (seq >= 1),
    constraint resolution_outcome_ck check (outcome in ('TRUE', 'FALSE', 'PARTIAL', 'ANNULLED', 'AMBIGUOUS')),
    constraint resolution_credit_ck check (
        (outcome = 'PARTIAL' and credit is not null and credit >= 0 and credit <= 1)
        or (outcome <> 'PARTIAL' and credit is null)),
    constraint resolution_reason_ck check (seq = 1 or (reason is not null and length(btrim(reason)) > 0))
);

create table resolution_evidence (
    resolution_id bigint not null references resolution (id) on delete cascade,
    evidence_id   bigint not null references evidence (id),
    primary key (resolution_id, evidence_id)
);

create table audit_entry (
    id        bigint generated always as identity primary key,
    at        timestamptz  not null default now(),
    actor     varchar(64)  not null,
    action    varchar(64)  not null,
    entity    varchar(32)  not null,
    entity_id varchar(100) not null,
    detail    text
);
create index audit_entry_entity_idx on audit_entry (entity, entity_id);

-- Resolutions and the audit log are append-only, for every client of the database, not only this service.
create function refuse_rewrite() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end;
$$;
create trigger resolution_append_only before update or delete on resolution
    for each row execute function refuse_rewrite();
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function refuse_rewrite();
