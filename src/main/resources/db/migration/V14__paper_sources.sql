-- Where a paper's stored text came from, and where its printed pages begin in it (issue 17): a PDF's pages
-- map a quote's offsets to its page; pasted text and web pages have none.
alter table paper_text add column source varchar(8) not null default 'PASTED';
alter table paper_text add constraint paper_text_source_ck check (source in ('PASTED', 'PDF', 'WEB'));
alter table paper_text add column source_url text;
alter table paper_text add column page_starts integer[];
alter table paper_text add constraint paper_text_pages_ck check (
    page_starts is null or (cardinality(page_starts) between 1 and 10000 and page_starts[1] = 0));
