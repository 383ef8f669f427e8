package org.hindcast.papers;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hindcast.audit.AuditLog;
import org.hindcast.authors.Author;
import org.hindcast.authors.AuthorNames;
import org.hindcast.authors.AuthorService;
import org.hindcast.common.PageOf;
import org.hindcast.common.Slugs;
import org.hindcast.problems.ApiException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

@ApplicationScoped
@Transactional
public class PaperService {

    @Inject
    AuthorService authors;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** An author as printed on a paper: an existing author's slug, or a name found by alias or created. */
    /** An author as printed; newPerson confirms that a name near another author's is someone else. */
    public record PrintedAuthor(String slug, String name, String affiliation, boolean newPerson) {
        public PrintedAuthor(String slug, String name, String affiliation) {
            this(slug, name, affiliation, false);
        }
    }

    public record PaperFields(String slug, String title, String publisher, String series, String url,
                              String published, String language, List<PrintedAuthor> authors, String note,
                              String sourceText) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paper get(String slug) {
        return Paper.findBySlug(slug).orElseThrow(() -> ApiException.notFound("paper", slug));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<Paper> list(String query, String authorSlug, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (query != null && !query.isBlank()) {
            where.append(" and (lower(title) like :q or lower(publisher) like :q or lower(coalesce(series, '')) like :q)");
            params = params.and("q", "%" + query.replace("\u0000", "").trim().toLowerCase() + "%");
        }
        if (authorSlug != null && !authorSlug.isBlank()) {
            Author author = authors.get(authorSlug);
            where.append(" and :author member of authors");
            params = params.and("author", author);
        }
        PanacheQuery<Paper> q = Paper.find(where.toString(), Sort.descending("publishedOn").and("id", Sort.Direction.Descending), params);
        return new PageOf<>(q.page(page, size).list(), page, size, q.count());
    }

    public Paper create(String actor, PaperFields fields) {
        String slug = fields.slug() == null || fields.slug().isBlank() ? uniqueSlug(fields.title()) : fields.slug();
        if (Paper.findBySlug(slug).isPresent()) {
            throw ApiException.conflict("A paper with slug '" + slug + "' already exists.");
        }
        Paper paper = new Paper();
        paper.slug = slug;
        paper.createdBy = actor;
        apply(paper, fields);
        paper.authors = resolveAuthors(actor, fields.authors());
        paper.printedAuthors = printedNames(fields.authors(), paper.authors);
        paper.persist();
        audit.record(actor, "paper.create", "paper", slug, paper.title);
        return paper;
    }

    /** Corrects a paper's metadata; every field given replaces the stored one, and the audit log keeps the old. */
    public Paper update(String actor, String slug, long version, PaperFields fields) {
        Paper paper = get(slug);
        if (paper.version != version) {
            throw ApiException.conflict("The paper was changed since version " + version + ".");
        }
        String before = describe(paper);
        apply(paper, fields);
        if (fields.authors() != null) {
            List<Author> resolved = resolveAuthors(actor, fields.authors());
            if (!resolved.equals(paper.authors)) {
                paper.authors.clear();
                em.flush();
                paper.authors.addAll(resolved);
            }
            paper.printedAuthors = printedNames(fields.authors(), resolved);
        }
        em.flush();
        audit.record(actor, "paper.update", "paper", slug, "before: " + before);
        return paper;
    }

    private void apply(Paper paper, PaperFields f) {
        if (f.title() != null) {
            paper.title = f.title().trim();
        }
        if (f.publisher() != null) {
            paper.publisher = f.publisher().trim();
        }
        if (f.series() != null) {
            paper.series = f.series().isBlank() ? null : f.series().trim();
        }
        if (f.url() != null) {
            paper.url = f.url().isBlank() ? null : f.url().trim();
        }
        if (f.published() != null) {
            PublishedDate published;
            try {
                published = PublishedDate.parse(f.published());
            } catch (IllegalArgumentException e) {
                throw ApiException.badField("published", e.getMessage());
            }
            paper.publishedOn = published.date();
            paper.publishedPrecision = published.precision();
        }
        if (f.language() != null) {
            paper.language = f.language();
        }
        if (f.note() != null) {
            paper.note = f.note().isBlank() ? null : f.note().trim();
        }
        if (f.sourceText() != null) {
            paper.sourceText = f.sourceText().isBlank() ? null : f.sourceText().trim();
        }
    }

    /** The names as printed, falling back to the author's display name where only a slug was given. */
    private static List<String> printedNames(List<PrintedAuthor> printed, List<Author> resolved) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < resolved.size(); i++) {
            String name = printed.get(i).name();
            names.add(name == null || name.isBlank() ? resolved.get(i).displayName : AuthorNames.normalize(name));
        }
        return names;
    }

    private List<Author> resolveAuthors(String actor, List<PrintedAuthor> printed) {
        List<Author> result = new ArrayList<>();
        if (printed == null) {
            return result;
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < printed.size(); i++) {
            PrintedAuthor p = printed.get(i);
            if (p.name() != null) {
                // The name as printed is stored with the paper, whether it finds an author by slug, by name or makes one.
                String field = "authors[" + i + "].name";
                AuthorNames.problem(p.name()).ifPresent(problem -> {
                    throw ApiException.badField(field, problem);
                });
            }
            Author author;
            if (p.slug() != null && !p.slug().isBlank()) {
                int index = i;
                author = authors.findBySlug(p.slug())
                        .orElseThrow(() -> ApiException.badField("authors[" + index + "].slug", "no author '" + p.slug() + "'"));
            } else if (p.name() != null && !p.name().isBlank()) {
                String field = "authors[" + i + "].name";
                try {
                    author = authors.findOrCreate(actor, AuthorNames.normalize(p.name()), p.affiliation(), p.newPerson());
                } catch (ApiException e) {
                    throw new ApiException(e.status(), e.title(), field + ": " + e.getMessage(),
                            List.of(new org.hindcast.problems.Problem.FieldError(field, e.getMessage())));
                }
            } else {
                throw ApiException.badField("authors[" + i + "]", "needs a slug or a name");
            }
            if (!seen.add(author.id)) {
                throw ApiException.badField("authors[" + i + "]", "'" + author.displayName + "' is listed twice");
            }
            result.add(author);
        }
        return result;
    }

    private static String describe(Paper p) {
        return String.join(" | ", p.title, p.publisher, Objects.toString(p.series, ""), Objects.toString(p.url, ""),
                p.published().text(), p.language,
                String.join(", ", p.authors.stream().map(a -> a.slug).toList()));
    }

    private String uniqueSlug(String title) {
        String base = Slugs.of(title == null ? "paper" : title);
        String slug = base;
        for (int i = 2; Paper.findBySlug(slug).isPresent(); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }
}
