-- What the corpus files carry beyond the ledger itself, so that importing is idempotent and
-- exporting gives back the same files.

-- A forecast's stable key within its paper's file: how a second import finds it again.
alter table forecast add column corpus_key varchar(100);
alter table forecast add constraint forecast_corpus_key_uq unique (paper_id, corpus_key);
alter table forecast add constraint forecast_corpus_key_ck check (corpus_key is null or corpus_key ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

-- The authors' names as this paper prints them, in order ("Dong Gyu Lee" here, "Dong-gyu Lee" there).
alter table paper add column printed_authors text[];
-- The plain-text copy of the paper the quotes were taken from (a file name), and an editor's note.
alter table paper add column source_text varchar(300);
alter table paper add column note varchar(1000);
