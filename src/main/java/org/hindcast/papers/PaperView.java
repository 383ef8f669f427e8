package org.hindcast.papers;

import java.time.LocalDate;
import java.util.List;

public record PaperView(String slug, String title, String publisher, String series, String url, String published,
                         LocalDate publishedOn, DatePrecision publishedPrecision, String language,
                         List<AuthorRef> authors, String note, String sourceText, long version) {

    /** An author of the paper: who they are, and how this paper prints their name. */
    public record AuthorRef(String slug, String displayName, String printedName) {
    }

    public static PaperView of(Paper p) {
        return new PaperView(p.slug, p.title, p.publisher, p.series, p.url, p.published().text(), p.publishedOn,
                p.publishedPrecision, p.language,
                authors(p), p.note, p.sourceText, p.version);
    }

    private static List<AuthorRef> authors(Paper p) {
        List<AuthorRef> refs = new java.util.ArrayList<>();
        for (int i = 0; i < p.authors.size(); i++) {
            var a = p.authors.get(i);
            String printed = p.printedAuthors != null && i < p.printedAuthors.size() ? p.printedAuthors.get(i) : a.displayName;
            refs.add(new AuthorRef(a.slug, a.displayName, printed));
        }
        return refs;
    }
}
