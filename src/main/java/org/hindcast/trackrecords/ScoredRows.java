package org.hindcast.trackrecords;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hindcast.scoring.ScoredForecast;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the forecasts of a set (an author's, a theme's, a paper's) as plain rows for the scorer.
 * Plain SQL: each set is one index range scan, and the scorer needs the values, not the entities.
 */
@ApplicationScoped
public class ScoredRows {

    @Inject
    EntityManager em;

    /** A forecast of a set: its probability and state; {@code credit} is the outcome o when scored. */
    public record Row(long id, double probability, String status, Double credit, LocalDate madeOn, LocalDate resolveBy,
                      String phraseTableVersion) {

        public boolean scored() {
            return credit != null && (status.equals("TRUE") || status.equals("FALSE") || status.equals("PARTIAL"));
        }

        public ScoredForecast toScored() {
            return new ScoredForecast(probability, credit);
        }
    }

    /** A theme of the tree: id, parent, slug and name. */
    public record ThemeNode(long id, Long parentId, String slug, String name) {
    }

    private static final String COLUMNS =
            "f.id, f.probability, f.status, f.outcome_credit, f.made_on, f.resolve_by, f.phrase_table_version";

    /*
     * The statements of an author's track record, named so that the benchmark's pgbench scripts run these very
     * strings (src/tools/java/org/hindcast/benchmark/SqlEquivalents.java) rather than copies that could drift.
     */

    /** ?1: the author's id. */
    public static final String AUTHOR_FORECASTS = "select " + COLUMNS + " from forecast_author fa join forecast f on f.id = fa.forecast_id "
            + "where fa.author_id = ?1 order by f.id";
    /** ?1: the forecasts' ids, as a bigint[]. */
    public static final String THEMES_OF_FORECASTS = "select forecast_id, theme_id from forecast_theme "
            + "where forecast_id = any(cast(?1 as bigint[]))";
    public static final String THEME_TREE = "select id, parent_id, slug, name from theme";
    /** ?1: the author's id. */
    public static final String ATTRIBUTED_IN_PAPERS_OF = "select count(*) from forecast f join paper_author pa on pa.paper_id = f.paper_id "
            + "where pa.author_id = ?1 and f.speaker = 'THIRD_PARTY'";

    public List<Row> ofAuthor(long authorId) {
        return rows(AUTHOR_FORECASTS, authorId);
    }

    /** The authors' own forecasts tagged with any of these themes, each once. */
    public List<Row> ofThemes(List<Long> themeIds) {
        return rows("select " + COLUMNS + " from forecast f where f.speaker = 'AUTHORS' and exists ("
                + "select 1 from forecast_theme ft where ft.forecast_id = f.id and ft.theme_id = any(cast(?1 as bigint[]))) "
                + "order by f.id", themeIds.toArray(Long[]::new));
    }

    public List<Row> ofPaper(long paperId) {
        return rows("select " + COLUMNS + " from forecast f where f.paper_id = ?1 and f.speaker = 'AUTHORS' order by f.id",
                paperId);
    }

    /** Forecasts in the author's papers that the papers attribute to someone else. */
    public long attributedToOthersInPapersOf(long authorId) {
        return ((Number) em.createNativeQuery(ATTRIBUTED_IN_PAPERS_OF).setParameter(1, authorId).getSingleResult()).longValue();
    }

    public long attributedToOthersInThemes(List<Long> themeIds) {
        return ((Number) em.createNativeQuery("select count(*) from forecast f where f.speaker = 'THIRD_PARTY' and exists ("
                        + "select 1 from forecast_theme ft where ft.forecast_id = f.id and ft.theme_id = any(cast(?1 as bigint[])))")
                .setParameter(1, themeIds.toArray(Long[]::new)).getSingleResult()).longValue();
    }

    public long attributedToOthersInPaper(long paperId) {
        return ((Number) em.createNativeQuery("select count(*) from forecast f where f.paper_id = ?1 and f.speaker = 'THIRD_PARTY'")
                .setParameter(1, paperId).getSingleResult()).longValue();
    }

    /** forecast id -> the themes it is tagged with. */
    @SuppressWarnings("unchecked")
    public Map<Long, Set<Long>> themesOf(List<Long> forecastIds) {
        Map<Long, Set<Long>> result = new HashMap<>();
        if (forecastIds.isEmpty()) {
            return result;
        }
        List<Object[]> pairs = em.createNativeQuery(THEMES_OF_FORECASTS)
                .setParameter(1, forecastIds.toArray(Long[]::new)).getResultList();
        for (Object[] p : pairs) {
            result.computeIfAbsent(((Number) p[0]).longValue(), k -> new HashSet<>()).add(((Number) p[1]).longValue());
        }
        return result;
    }

    /** forecast id -> its authors (id, slug, name). */
    public record AuthorRef(long id, String slug, String name) {
    }

    @SuppressWarnings("unchecked")
    public Map<Long, List<AuthorRef>> authorsOf(List<Long> forecastIds) {
        Map<Long, List<AuthorRef>> result = new HashMap<>();
        if (forecastIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = em.createNativeQuery("select fa.forecast_id, a.id, a.slug, a.display_name "
                        + "from forecast_author fa join author a on a.id = fa.author_id "
                        + "where fa.forecast_id = any(cast(?1 as bigint[]))")
                .setParameter(1, forecastIds.toArray(Long[]::new)).getResultList();
        for (Object[] r : rows) {
            result.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new AuthorRef(((Number) r[1]).longValue(), (String) r[2], (String) r[3]));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    public Map<Long, ThemeNode> themeTree() {
        Map<Long, ThemeNode> tree = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery(THEME_TREE).getResultList();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            tree.put(id, new ThemeNode(id, r[1] == null ? null : ((Number) r[1]).longValue(), (String) r[2], (String) r[3]));
        }
        return tree;
    }

    /** The themes and all their ancestors: a forecast on "Taiwan" also counts for its parent theme. */
    public static Set<Long> withAncestors(Set<Long> themes, Map<Long, ThemeNode> tree) {
        Set<Long> all = new HashSet<>();
        for (Long t : themes) {
            Long cur = t;
            while (cur != null && all.add(cur)) {
                ThemeNode node = tree.get(cur);
                cur = node == null ? null : node.parentId();
            }
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(String sql, Object param) {
        List<Object[]> raw = em.createNativeQuery(sql).setParameter(1, param).getResultList();
        List<Row> rows = new ArrayList<>(raw.size());
        for (Object[] r : raw) {
            rows.add(new Row(((Number) r[0]).longValue(), ((Number) r[1]).doubleValue(), (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).doubleValue(), toDate(r[4]), toDate(r[5]), (String) r[6]));
        }
        return rows;
    }

    private static LocalDate toDate(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        return o == null ? null : ((Date) o).toLocalDate();
    }
}
