-- Page sessions live in the database. The browser's cookie holds a random token (256 bits); only its
-- SHA-256 is stored, so a copy of the database does not hold usable sessions. A session ends when its user
-- signs out, changes password, is disabled or has their roles changed (ended_at), or after it was idle for
-- longer than hindcast.session.idle-timeout. Nothing in the cookie is trusted but the token itself: there is
-- no key that could forge one.
create table user_session (
    token_hash   bytea       primary key,
    user_id      bigint      not null references app_user (id) on delete cascade,
    created_at   timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    address      varchar(64),
    ended_at     timestamptz,
    ended_reason varchar(32),
    constraint user_session_token_ck check (octet_length(token_hash) = 32),
    constraint user_session_end_ck check ((ended_at is null) = (ended_reason is null))
);
create index user_session_open_idx on user_session (user_id) where ended_at is null;

-- Sign-in limits per (account, client address) pair, shared by every replica. After a few free failures,
-- each further failure doubles the wait before that pair may try again; a success or an admin's unlock
-- clears the pair. The name is the one that was tried, so unknown names are limited the same way.
create table sign_in_limit (
    username        varchar(200) not null,
    address         varchar(64)  not null,
    failures        integer      not null check (failures > 0),
    last_failure_at timestamptz  not null,
    locked_until    timestamptz,
    primary key (username, address)
);
