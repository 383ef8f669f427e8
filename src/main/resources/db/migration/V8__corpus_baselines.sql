-- What a corpus file said when a record was last imported (a SHA-256 of that part of the file), and the
-- record's version right after. A later import compares both: a file unchanged since then leaves a correction
-- made in the ledger alone; a file changed while the ledger was not is applied; both changed is a conflict,
-- reported and refused, never a silent revert.
alter table forecast add column corpus_hash varchar(64), add column corpus_version bigint;
alter table paper add column corpus_hash varchar(64), add column corpus_version bigint;
alter table author add column corpus_hash varchar(64), add column corpus_version bigint;
alter table theme add column corpus_hash varchar(64), add column corpus_version bigint;
