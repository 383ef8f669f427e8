package org.hindcast.themes;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.enterprise.event.Event;
import org.hindcast.audit.AuditLog;
import org.hindcast.common.ScoresChanged;
import org.hindcast.problems.ApiException;

import java.util.List;

@ApplicationScoped
@Transactional
public class ThemeService {

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Event<ScoresChanged> scoresChanged;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Theme> list() {
        return Theme.listAll(Sort.by("name"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Theme get(String slug) {
        return Theme.findBySlug(slug).orElseThrow(() -> ApiException.notFound("theme", slug));
    }

    /** The theme and every theme below it: a forecast filed under "Taiwan" belongs to its parent too. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Long> subtreeIds(long themeId) {
        return ((List<Number>) em.createNativeQuery("""
                with recursive sub(id) as (
                    select id from theme where id = :id
                    union
                    select t.id from theme t join sub s on t.parent_id = s.id)
                select id from sub""").setParameter("id", themeId).getResultList())
                .stream().map(Number::longValue).toList();
    }

    public Theme create(String actor, String slug, String name, String parentSlug) {
        if (Theme.findBySlug(slug).isPresent()) {
            throw ApiException.conflict("A theme with slug '" + slug + "' already exists.");
        }
        Theme theme = new Theme();
        theme.slug = slug;
        theme.name = name.trim();
        theme.parent = parentSlug == null ? null : Theme.findBySlug(parentSlug)
                .orElseThrow(() -> ApiException.badField("parent", "no theme '" + parentSlug + "'"));
        theme.persist();
        audit.record(actor, "theme.create", "theme", slug, name);
        return theme;
    }

    /**
     * Moves serialise on one transaction-scoped lock on the theme tree: each looks for a cycle in the tree as the
     * move before it committed it. Without it, "A under B" and "B under A" each see a tree without the other
     * and both commit a cycle. Moves are rare; reads never take the lock.
     */
    static final long TREE_LOCK = 7261002;

    public Theme update(String actor, String slug, long version, String name, String parentSlug, boolean clearParent) {
        if (parentSlug != null) {
            em.createNativeQuery("select pg_advisory_xact_lock(" + TREE_LOCK + ")").getSingleResult();
        }
        Theme theme = get(slug);
        if (theme.version != version) {
            throw ApiException.conflict("The theme was changed since version " + version + ".");
        }
        if (name != null) {
            theme.name = name.trim();
        }
        Long parentBefore = theme.parent == null ? null : theme.parent.id;
        if (clearParent) {
            theme.parent = null;
        } else if (parentSlug != null) {
            Theme parent = Theme.findBySlug(parentSlug)
                    .orElseThrow(() -> ApiException.badField("parent", "no theme '" + parentSlug + "'"));
            if (subtreeIds(theme.id).contains(parent.id)) {
                throw ApiException.badField("parent", "a theme cannot sit below itself");
            }
            theme.parent = parent;
        }
        em.flush();
        if (!java.util.Objects.equals(parentBefore, theme.parent == null ? null : theme.parent.id)) {
            // A theme's records include its sub-themes: moving one changes its old and new ancestors' figures.
            scoresChanged.fire(ScoresChanged.everyone());
        }
        audit.record(actor, "theme.update", "theme", slug, "name '" + theme.name + "', parent "
                + (theme.parent == null ? "none" : theme.parent.slug));
        return theme;
    }
}
