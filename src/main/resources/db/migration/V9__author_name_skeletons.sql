-- The confusable skeleton (Unicode TS #39) of each author name's key, so that a new name that looks like an
-- existing author's ("Lее" with a Cyrillic е) is found by an index look-up. Filled by the service for rows
-- written before this column existed (AuthorSkeletons).
alter table author_alias add column skeleton varchar(400);
create index author_alias_skeleton_idx on author_alias (skeleton);
