package org.hindcast.authors;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.enterprise.event.Event;
import org.hindcast.audit.AuditLog;
import org.hindcast.common.ScoresChanged;
import org.hindcast.common.PageOf;
import org.hindcast.common.Slugs;
import org.hindcast.problems.ApiException;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class AuthorService {

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Event<ScoresChanged> scoresChanged;

    /** Finds an author by slug, following merges: a merged author's old slug answers with the survivor. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Author> findBySlug(String slug) {
        Optional<Author> author = Author.findBySlug(slug);
        if (author.isPresent()) {
            return author;
        }
        return AuthorMerge.findByFromSlug(slug).map(m -> m.into);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Author get(String slug) {
        return findBySlug(slug).orElseThrow(() -> ApiException.notFound("author", slug));
    }

    /** Finds an author by any registered alias, ignoring case, spaces, hyphens and name order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Author> findByName(String printedName) {
        String key = AuthorNames.key(printedName);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return AuthorAlias.findByKey(key).map(a -> a.author);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<Author> list(String query, int page, int size) {
        if (query == null || query.isBlank()) {
            var q = Author.findAll(Sort.by("displayName").and("id"));
            return new PageOf<>(q.page(page, size).list(), page, size, q.count());
        }
        String like = "%" + query.replace("\u0000", "").trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var q = Author.find("select distinct a from Author a join a.aliases al "
                        + "where lower(al.alias) like ?1 or al.aliasKey like ?2 or a.slug like ?1 order by a.displayName, a.id",
                like, "%" + AuthorNames.key(query) + "%");
        return new PageOf<>(q.page(page, size).list(), page, size, q.count());
    }

    public Author create(String actor, String slug, String displayName, String affiliation, List<String> aliases) {
        String finalSlug = slug == null || slug.isBlank() ? uniqueSlug(displayName) : slug;
        if (findBySlug(finalSlug).isPresent()) {
            throw ApiException.conflict("An author with slug '" + finalSlug + "' already exists.");
        }
        Author author = new Author();
        author.slug = finalSlug;
        author.displayName = checkedName(displayName, "displayName");
        author.affiliation = affiliation;
        addAliasChecked(author, displayName, "displayName");
        if (aliases != null) {
            for (int i = 0; i < aliases.size(); i++) {
                String alias = aliases.get(i);
                if (!author.hasAliasKey(AuthorNames.key(alias))) {
                    addAliasChecked(author, alias, "aliases[" + i + "]");
                }
            }
        }
        author.persist();
        audit.record(actor, "author.create", "author", author.slug, author.displayName);
        return author;
    }

    /** The author of a printed name: found by alias, or created with that name as its first alias. */
    public Author findOrCreate(String actor, String printedName, String affiliation) {
        return findOrCreate(actor, printedName, affiliation, false);
    }

    /**
     * The same, asking "did you mean" first: a new name with the words of another author's name (order, case
     * and hyphens aside) is refused with that author named, unless newPerson confirms it is someone else.
     */
    public Author findOrCreate(String actor, String printedName, String affiliation, boolean newPerson) {
        Optional<Author> known = findByName(printedName);
        if (known.isPresent()) {
            return known.get();
        }
        if (!newPerson) {
            List<Author> near = nearNames(printedName);
            if (!near.isEmpty()) {
                String names = near.stream().map(a -> "'" + a.displayName + "' (" + a.slug + ")")
                        .collect(java.util.stream.Collectors.joining(" or "));
                throw new ApiException(409, "Conflict", "No author is named '" + printedName + "'; did you mean " + names
                        + "? Use that author, or confirm that this is a new person.",
                        List.of(new org.hindcast.problems.Problem.FieldError("name", "did you mean " + names + "?")));
            }
        }
        return create(actor, null, printedName, affiliation, List.of());
    }

    /** Authors with a name of the same words as this one, in another order or with other hyphens (AuthorNames.letters). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Author> nearNames(String printedName) {
        String key = AuthorNames.key(printedName);
        if (key.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select distinct al.author from AuthorAlias al where al.letters = :letters and al.aliasKey <> :key",
                        Author.class).setParameter("letters", AuthorNames.letters(printedName)).setParameter("key", key)
                .setMaxResults(5).getResultList();
    }

    public Author addAlias(String actor, String slug, String alias) {
        Author author = get(slug);
        String key = AuthorNames.key(alias);
        if (key.isEmpty()) {
            throw ApiException.badField("alias", "must contain letters or digits");
        }
        if (author.hasAliasKey(key)) {
            return author;
        }
        addAliasChecked(author, alias, "alias");
        audit.record(actor, "author.alias", "author", author.slug, alias);
        return author;
    }

    public Author update(String actor, String slug, long version, String displayName, String affiliation) {
        Author author = get(slug);
        if (author.version != version) {
            throw ApiException.conflict("The author was changed since version " + version + ".");
        }
        StringBuilder detail = new StringBuilder();
        if (displayName != null && !AuthorNames.normalize(displayName).equals(author.displayName)) {
            String name = checkedName(displayName, "displayName");
            detail.append("name '").append(author.displayName).append("' -> '").append(name).append("'; ");
            author.displayName = name;
            if (!author.hasAliasKey(AuthorNames.key(displayName))) {
                addAliasChecked(author, displayName, "displayName");
            }
        }
        if (affiliation != null && !affiliation.equals(author.affiliation)) {
            detail.append("affiliation '").append(author.affiliation).append("' -> '").append(affiliation).append("'");
            author.affiliation = affiliation;
        }
        em.flush();
        audit.record(actor, "author.update", "author", author.slug, detail.toString());
        return author;
    }

    /**
     * Folds {@code fromSlug} into {@code intoSlug}: forecasts, papers and aliases follow, the old slug
     * keeps resolving. Done in SQL because it moves rows of several tables in bulk.
     */
    public Author merge(String actor, String fromSlug, String intoSlug) {
        Author from = Author.findBySlug(fromSlug).orElseThrow(() -> ApiException.notFound("author", fromSlug));
        Author into = Author.findBySlug(intoSlug).orElseThrow(() -> ApiException.notFound("author", intoSlug));
        if (from.id.equals(into.id)) {
            throw ApiException.badField("into", "an author cannot be merged into itself");
        }
        long fromId = from.id;
        long intoId = into.id;
        em.flush();
        int forecasts = em.createNativeQuery("""
                update forecast_author fa set author_id = :into
                where fa.author_id = :from
                  and not exists (select 1 from forecast_author o where o.forecast_id = fa.forecast_id and o.author_id = :into)
                """).setParameter("into", intoId).setParameter("from", fromId).executeUpdate();
        em.createNativeQuery("delete from forecast_author where author_id = :from")
                .setParameter("from", fromId).executeUpdate();
        em.createNativeQuery("""
                update paper_author pa set author_id = :into
                where pa.author_id = :from
                  and not exists (select 1 from paper_author o where o.paper_id = pa.paper_id and o.author_id = :into)
                """).setParameter("into", intoId).setParameter("from", fromId).executeUpdate();
        em.createNativeQuery("delete from paper_author where author_id = :from")
                .setParameter("from", fromId).executeUpdate();
        em.createNativeQuery("update author_alias set author_id = :into where author_id = :from")
                .setParameter("into", intoId).setParameter("from", fromId).executeUpdate();
        em.createNativeQuery("update author_merge set into_author_id = :into where into_author_id = :from")
                .setParameter("into", intoId).setParameter("from", fromId).executeUpdate();
        em.createNativeQuery("update author set version = version + 1 where id = :into")
                .setParameter("into", intoId).executeUpdate();
        em.createNativeQuery("delete from author where id = :from").setParameter("from", fromId).executeUpdate();
        em.clear();
        Author survivor = Author.findById(intoId);
        AuthorMerge merge = new AuthorMerge();
        merge.fromSlug = fromSlug;
        merge.fromName = from.displayName;
        merge.into = survivor;
        merge.mergedBy = actor;
        merge.persist();
        scoresChanged.fire(ScoresChanged.of(java.util.Set.of(intoId)));
        audit.record(actor, "author.merge", "author", intoSlug,
                fromSlug + " merged in; " + forecasts + " forecast credits moved");
        return survivor;
    }

    /** The name as stored (NFKC, single spaces), or a 400 naming the field and the invisible character it holds. */
    private static String checkedName(String name, String field) {
        AuthorNames.problem(name).ifPresent(p -> {
            throw ApiException.badField(field, p);
        });
        String normalized = AuthorNames.normalize(name);
        if (normalized.isEmpty()) {
            throw ApiException.badField(field, "must not be blank");
        }
        return normalized;
    }

    /**
     * Every name an author gets passes here (display names, aliases, through the API, the pages and the corpus
     * importer): stored normalised, refused with invisible characters, and refused when it belongs to another
     * author or only looks like another author's name (the same confusable skeleton, other characters).
     */
    private void addAliasChecked(Author author, String printed, String field) {
        String alias = checkedName(printed, field);
        String key = AuthorNames.key(alias);
        if (key.isEmpty()) {
            throw ApiException.badField(field, "must contain letters or digits");
        }
        Optional<AuthorAlias> taken = AuthorAlias.findByKey(key);
        if (taken.isPresent() && taken.get().author != author) {
            throw new ApiException(409, "Conflict", "The name '" + alias + "' already belongs to author '"
                    + taken.get().author.slug + "'; merge the two authors if they are one person.");
        }
        if (taken.isEmpty()) {
            Optional<AuthorAlias> lookAlike = AuthorAlias.<AuthorAlias>find("skeleton = ?1 and aliasKey <> ?2",
                    AuthorNames.skeleton(alias), key).stream().filter(a -> a.author != author).findFirst();
            if (lookAlike.isPresent()) {
                AuthorAlias other = lookAlike.get();
                throw new ApiException(409, "Conflict", "The name '" + alias + "' looks like '" + other.alias
                        + "' of author '" + other.author.slug + "' but is written with other characters: "
                        + AuthorNames.differences(alias, other.alias) + ". If it is that person, use the existing author; "
                        + "a name that only looks like another is not accepted.", List.of(
                        new org.hindcast.problems.Problem.FieldError(field, "looks like '" + other.alias + "' ("
                                + other.author.slug + ")")));
            }
        }
        author.addAlias(alias);
    }

    private String uniqueSlug(String name) {
        String base = Slugs.of(name);
        String slug = base;
        for (int i = 2; findBySlug(slug).isPresent(); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }
}
