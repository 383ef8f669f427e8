-- A corpus file that corrects a forecast after its verdict does not rewrite it: the import proposes the correction
-- (proposed_by: who ran the import) and a second staff member approves it, as for a correction made on a page.
-- corpus_hash is what the file said of the forecast when the import proposed it: a second run of the same file finds
-- its proposal again instead of filing another, and a changed file replaces a proposal nobody decided yet.
alter table correction_proposal add column corpus_hash varchar(64);
create index correction_proposal_corpus_idx on correction_proposal (forecast_id, corpus_hash) where corpus_hash is not null;
