package org.hindcast.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hindcast.authors.Author;
import org.hindcast.authors.AuthorService;
import org.hindcast.papers.Paper;
import org.hindcast.papers.PaperService;
import org.hindcast.themes.Theme;
import org.hindcast.themes.ThemeService;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Paper, author and theme picked by typing, in any list's size: what was typed is read as a slug, then as a name
 * (any printed form of an author's name, a theme's name, a paper's exact title), then as words; one match is the
 * choice, several are offered, none gets "did you mean" from the names of the same words. Works without
 * JavaScript; /js/choosers.js fills the suggestions while one types.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Choosers {

    /** One of several matches, offered to pick from; href, when set, is the page again with this one picked. */
    public record Option(String slug, String label, String href) {

        Option(String slug, String label) {
            this(slug, label, null);
        }

        public Option linked(String link) {
            return new Option(slug, label, link);
        }
    }

    /** What the typed text chose: a slug, or an error for the field with options to pick from. */
    public record Choice(String typed, String slug, String error, List<Option> options) {

        static Choice none() {
            return new Choice("", null, null, List.of());
        }

        public boolean chosen() {
            return slug != null;
        }
    }

    @Inject
    AuthorService authors;

    @Inject
    PaperService papers;

    @Inject
    ThemeService themes;

    public Choice author(String typed) {
        if (typed == null || typed.isBlank()) {
            return Choice.none();
        }
        String t = typed.trim();
        Optional<Author> exact = authors.findBySlug(t.toLowerCase(Locale.ROOT)).or(() -> authors.findByName(t));
        if (exact.isPresent()) {
            return new Choice(t, exact.get().slug, null, List.of());
        }
        var found = authors.list(t, 0, 11);
        if (found.total() == 1) {
            return new Choice(t, found.items().get(0).slug, null, List.of());
        }
        if (found.total() > 1) {
            return new Choice(t, null, found.total() + " authors match '" + t + "': pick one",
                    found.items().stream().limit(10).map(a -> new Option(a.slug, a.displayName)).toList());
        }
        List<Author> near = authors.nearNames(t);
        return new Choice(t, null, near.isEmpty() ? "no author is named '" + t + "'" : "no author is named '" + t + "'; did you mean",
                near.stream().map(a -> new Option(a.slug, a.displayName)).toList());
    }

    public Choice paper(String typed) {
        if (typed == null || typed.isBlank()) {
            return Choice.none();
        }
        String t = typed.trim();
        Optional<Paper> exact = Paper.findBySlug(t.toLowerCase(Locale.ROOT));
        if (exact.isPresent()) {
            return new Choice(t, exact.get().slug, null, List.of());
        }
        var found = papers.list(t, null, 0, 11);
        List<Paper> sameTitle = found.items().stream().filter(p -> p.title.equalsIgnoreCase(t)).toList();
        if (sameTitle.size() == 1 || found.total() == 1) {
            return new Choice(t, (sameTitle.size() == 1 ? sameTitle.get(0) : found.items().get(0)).slug, null, List.of());
        }
        if (found.total() > 1) {
            return new Choice(t, null, found.total() + " papers match '" + t + "': pick one",
                    found.items().stream().limit(10).map(p -> new Option(p.slug, p.title + " (" + p.published().text() + ")")).toList());
        }
        return new Choice(t, null, "no paper's title or slug has '" + t + "'", List.of());
    }

    public Choice theme(String typed) {
        if (typed == null || typed.isBlank()) {
            return Choice.none();
        }
        String t = typed.trim();
        List<Theme> all = themes.list();
        Optional<Theme> exact = all.stream().filter(th -> th.slug.equalsIgnoreCase(t) || th.name.equalsIgnoreCase(t)).findFirst();
        if (exact.isPresent()) {
            return new Choice(t, exact.get().slug, null, List.of());
        }
        String lower = t.toLowerCase(Locale.ROOT);
        List<Theme> found = all.stream().filter(th -> th.name.toLowerCase(Locale.ROOT).contains(lower) || th.slug.contains(lower)).toList();
        if (found.size() == 1) {
            return new Choice(t, found.get(0).slug, null, List.of());
        }
        return new Choice(t, null, found.isEmpty() ? "no theme is named '" + t + "'" : found.size() + " themes match '" + t + "': pick one",
                found.stream().limit(10).map(th -> new Option(th.slug, th.name)).toList());
    }

    /**
     * A choice that chose nothing, noted for a filter form: its error by the field, and its options as links to the
     * same page with that option picked (the page's other query values kept).
     */
    static void offer(String field, Choice choice, String path, java.util.Map<String, String> query,
                      java.util.Map<String, String> errors, java.util.Map<String, List<Option>> options) {
        if (choice.error() == null) {
            return;
        }
        errors.put(field, choice.error());
        options.put(field, choice.options().stream().map(o -> {
            java.util.Map<String, String> picked = new java.util.LinkedHashMap<>(query);
            picked.put(field, o.slug());
            return o.linked(Pager.of(path, picked, 0, 1, 0).url(0));
        }).toList());
    }
}
