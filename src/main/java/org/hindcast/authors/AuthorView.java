package org.hindcast.authors;

import java.util.List;

public record AuthorView(String slug, String displayName, String affiliation, List<String> aliases, long version) {

    public static AuthorView of(Author a) {
        return new AuthorView(a.slug, a.displayName, a.affiliation, a.aliases.stream().map(x -> x.alias).toList(),
                a.version);
    }
}
