package org.hindcast.papers;

import java.time.LocalDate;
import java.util.List;

public record SourceView(String slug, String title, String publisher, String series, String url, String published,
                         LocalDate publishedOn, DatePrecision publishedPrecision, String language,
                         List<AuthorRef> authors, long version) {

    public record AuthorRef(String slug, String displayName) {
    }

    public static SourceView of(Paper p) {
        return new SourceView(p.slug, p.title, p.publisher, p.series, p.url, p.published().text(), p.publishedOn,
                p.publishedPrecision, p.language,
                p.authors.stream().map(a -> new AuthorRef(a.slug, a.displayName)).toList(), p.version);
    }
}
