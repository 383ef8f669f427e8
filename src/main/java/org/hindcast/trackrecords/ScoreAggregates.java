package org.hindcast.trackrecords;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hindcast.common.ScoresChanged;
import org.hindcast.scoring.Scorer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the leaderboards' rows equal to what the forecasts say (V18__score_pair_counts.sql). Each author's set,
 * overall and per theme, is kept as counts of its distinct (p, o) pairs; the rows (n and the mean Brier) are
 * computed from those counts. Runs inside the transaction of the write that fired {@link ScoresChanged}, after
 * locking the author rows in id order, so that concurrent writes on one author serialise (and cannot deadlock).
 *
 * <p>Two paths end in the same rows: a change of outcomes moves each forecast from its old pair to its new one
 * ({@link #applyOutcomes}, a few row updates whatever the author's size); any other change recounts the authors'
 * pairs from their forecasts ({@link #refresh}).
 */
@ApplicationScoped
public class ScoreAggregates {

    /** theme id -> each of its ancestors and itself: a forecast on "Taiwan" also counts for its parent theme. */
    static final String THEME_CLOSURE = "with recursive closure (theme_id, ancestor_id) as (select id, id from theme "
            + "union select c.theme_id, t.parent_id from closure c join theme t on t.id = c.ancestor_id "
            + "where t.parent_id is not null) ";

    private static final String SCORED = "f.status in ('TRUE', 'FALSE', 'PARTIAL') and f.outcome_credit is not null";

    /**
     * The pairs of some authors' sets, in canonical order; ?1: the authors' ids as a bigint[]. The leaderboard reads
     * it for the authors of its page (the benchmark runs this very string).
     */
    public static final String AUTHORS_PAIRS = "select author_id, p, o, n from author_score_pair "
            + "where author_id = any(cast(?1 as bigint[])) and n > 0 order by author_id, p, o";

    /** As {@link #AUTHORS_PAIRS} within a theme; ?2: the theme's id. */
    public static final String AUTHORS_THEME_PAIRS = "select author_id, p, o, n from author_theme_score_pair "
            + "where author_id = any(cast(?1 as bigint[])) and theme_id = ?2 and n > 0 order by author_id, p, o";

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    void onScoresChanged(@Observes ScoresChanged change) {
        if (change.all()) {
            refreshAll();
        } else if (change.outcomes() != null) {
            applyOutcomes(change.authorIds(), change.outcomes());
        } else {
            refresh(change.authorIds());
        }
    }

    /**
     * After new outcomes of some forecasts whose authors, themes and probability did not change: each forecast leaves
     * its old (p, o) pair and joins its new one, in its authors' overall sets and in the sets of its themes and their
     * ancestors; then the rows of exactly those sets are recomputed from their pairs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void applyOutcomes(Set<Long> authorIds, List<ScoresChanged.Outcome> outcomes) {
        List<ScoresChanged.Outcome> moved = outcomes.stream().filter(o -> !Objects.equals(o.before(), o.after())).toList();
        if (authorIds.isEmpty() || moved.isEmpty()) {
            return;
        }
        em.flush();
        lock(authorIds);
        Long[] ids = moved.stream().map(ScoresChanged.Outcome::forecastId).toArray(Long[]::new);
        // each forecast with its authors, and its themes with all their ancestors (walked up from its own themes only)
        List<Object[]> forecasts = em.createNativeQuery("with recursive up (forecast_id, theme_id) as ("
                        + "select ft.forecast_id, ft.theme_id from forecast_theme ft where ft.forecast_id = any(cast(?1 as bigint[])) "
                        + "union select u.forecast_id, t.parent_id from up u join theme t on t.id = u.theme_id where t.parent_id is not null) "
                        + "select f.id, f.probability, "
                        + "array(select fa.author_id from forecast_author fa where fa.forecast_id = f.id order by 1), "
                        + "array(select u.theme_id from up u where u.forecast_id = f.id order by 1) "
                        + "from forecast f where f.id = any(cast(?1 as bigint[]))")
                .setParameter(1, ids).getResultList();
        Deltas deltas = new Deltas();
        Set<Long> touchedAuthors = new HashSet<>();
        Set<Long> touchedThemes = new HashSet<>();
        for (Object[] f : forecasts) {
            long id = ((Number) f[0]).longValue();
            double p = ((Number) f[1]).doubleValue();
            Set<Long> themes = new HashSet<>(longs(f[3]));
            ScoresChanged.Outcome change = moved.stream().filter(o -> o.forecastId() == id).findFirst().orElseThrow();
            for (long author : longs(f[2])) {
                if (!authorIds.contains(author)) {
                    throw new IllegalStateException("forecast " + id + " has author " + author + ", whom the change did not name");
                }
                touchedAuthors.add(author);
                touchedThemes.addAll(themes);
                if (change.before() != null) {
                    deltas.add(author, null, p, change.before(), -1);
                    themes.forEach(t -> deltas.add(author, t, p, change.before(), -1));
                }
                if (change.after() != null) {
                    deltas.add(author, null, p, change.after(), +1);
                    themes.forEach(t -> deltas.add(author, t, p, change.after(), +1));
                }
            }
        }
        deltas.apply();
        rowsFromPairs(touchedAuthors, touchedThemes);
    }

    /** Recounts these authors' pairs from their forecasts and recomputes all their rows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(Set<Long> authorIds) {
        if (authorIds.isEmpty()) {
            return;
        }
        em.flush();
        lock(authorIds);
        countPairs(authorIds.toArray(Long[]::new));
        rowsFromPairs(authorIds, null);
    }

    /**
     * Recomputes up to {@code batch} of the authors a bulk import marked in score_refresh_pending, and removes
     * their markers, in one transaction of its own. Workers may run side by side: each takes markers the
     * others have not locked. Returns how many it did (0: none left).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public int refreshPending(int batch) {
        List<Number> ids = em.createNativeQuery("select author_id from score_refresh_pending order by author_id "
                + "limit ?1 for update skip locked").setParameter(1, batch).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        Set<Long> authors = new HashSet<>();
        ids.forEach(n -> authors.add(n.longValue()));
        refresh(authors);
        em.createNativeQuery("delete from score_refresh_pending where author_id = any(cast(?1 as bigint[]))")
                .setParameter(1, authors.toArray(Long[]::new)).executeUpdate();
        return ids.size();
    }

    @Transactional
    public long pendingCount() {
        return ((Number) em.createNativeQuery("select count(*) from score_refresh_pending").getSingleResult()).longValue();
    }

    /** Recounts every author's pairs and recomputes every row (after a change of the theme tree). */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void refreshAll() {
        em.flush();
        List<Number> ids = em.createNativeQuery("select id from author order by id for update").getResultList();
        em.createNativeQuery("delete from score_refresh_pending").executeUpdate();
        countPairs(null);
        Set<Long> authors = new HashSet<>();
        ids.forEach(n -> authors.add(n.longValue()));
        rowsFromPairs(authors, null);
    }

    /**
     * The pairs of these authors' sets, overall ({@code themeId} null) or within a theme, by author; an author
     * without a scored forecast in the set is left out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Map<Long, Scorer.Runs> pairs(List<Long> authorIds, Long themeId) {
        if (authorIds.isEmpty()) {
            return Map.of();
        }
        var query = em.createNativeQuery(themeId == null ? AUTHORS_PAIRS : AUTHORS_THEME_PAIRS)
                .setParameter(1, authorIds.toArray(Long[]::new));
        if (themeId != null) {
            query.setParameter(2, themeId);
        }
        Map<Long, Scorer.Runs> runs = new HashMap<>();
        groupRuns(query.getResultList(), 1, (key, r) -> runs.put((Long) key.get(0), r));
        return runs;
    }

    private void lock(Set<Long> authorIds) {
        em.createNativeQuery("select id from author where id = any(cast(?1 as bigint[])) order by id for update")
                .setParameter(1, authorIds.toArray(Long[]::new)).getResultList();
    }

    /** Replaces the pairs of these authors (null: of everyone) by a count from their forecasts. */
    private void countPairs(Long[] authorIds) {
        String only = authorIds == null ? "" : " and fa.author_id = any(cast(?1 as bigint[]))";
        String onlyPairs = authorIds == null ? "" : " where author_id = any(cast(?1 as bigint[]))";
        List<String> statements = List.of(
                "delete from author_score_pair" + onlyPairs,
                "delete from author_theme_score_pair" + onlyPairs,
                "insert into author_score_pair (author_id, p, o, n) select fa.author_id, f.probability, f.outcome_credit, count(*) "
                        + "from forecast_author fa join forecast f on f.id = fa.forecast_id where " + SCORED + only
                        + " group by fa.author_id, f.probability, f.outcome_credit",
                "insert into author_theme_score_pair (author_id, theme_id, p, o, n) " + THEME_CLOSURE
                        + "select fa.author_id, c.ancestor_id, f.probability, f.outcome_credit, count(distinct f.id) "
                        + "from forecast_author fa join forecast f on f.id = fa.forecast_id "
                        + "join forecast_theme ft on ft.forecast_id = f.id join closure c on c.theme_id = ft.theme_id "
                        + "where " + SCORED + only + " group by fa.author_id, c.ancestor_id, f.probability, f.outcome_credit");
        for (String sql : statements) {
            var q = em.createNativeQuery(sql);
            if (authorIds != null) {
                q.setParameter(1, authorIds);
            }
            q.executeUpdate();
        }
    }

    /**
     * Recomputes the rows of these authors from their pairs: the overall rows, and the theme rows of {@code themes}
     * (null: of every theme). A set left without pairs loses its row. Two round trips whatever the number of sets:
     * one statement drops the emptied pairs and reads the rest of both tables, the mean Brier of each set is summed
     * in Java exactly as {@link Scorer#meanBrier} sums it, and one statement deletes the rows of emptied sets and
     * writes the others, in both tables.
     */
    @SuppressWarnings("unchecked")
    private void rowsFromPairs(Set<Long> authorIds, Set<Long> themes) {
        Long[] authors = authorIds.toArray(Long[]::new);
        // ?2 the themes whose rows are recomputed, ?3 true for every theme's
        String ofThemes = " and (cast(?3 as boolean) or theme_id = any(cast(?2 as bigint[])))";
        Long[] themeIds = themes == null ? new Long[0] : themes.toArray(Long[]::new);
        var read = em.createNativeQuery("""
                        with emptied as (delete from author_score_pair where author_id = any(cast(?1 as bigint[])) and n = 0),
                             emptied_in_themes as (delete from author_theme_score_pair where author_id = any(cast(?1 as bigint[]))
                                                   and n = 0%s)
                        select 0, author_id, 0, p, o, n from author_score_pair where author_id = any(cast(?1 as bigint[])) and n > 0
                        union all
                        select 1, author_id, theme_id, p, o, n from author_theme_score_pair
                        where author_id = any(cast(?1 as bigint[])) and n > 0%s
                        order by 1, 2, 3, 4, 5""".formatted(ofThemes, ofThemes)).setParameter(1, authors)
                .setParameter(2, themeIds).setParameter(3, themes == null);
        Rows all = new Rows();
        Rows byTheme = new Rows();
        groupRuns(read.getResultList(), 3, (key, runs) -> (key.get(0) == 0 ? all : byTheme).add(key.subList(1, 3), runs));
        var write = em.createNativeQuery("""
                        with gone as (delete from author_score s where s.author_id = any(cast(?1 as bigint[]))
                                      and not (s.author_id = any(cast(?4 as bigint[])))),
                             kept as (insert into author_score (author_id, n, brier, refreshed_at)
                                      select a, n, b, now() from unnest(cast(?4 as bigint[]), cast(?5 as int[]), cast(?6 as float8[])) as u(a, n, b)
                                      on conflict (author_id) do update
                                      set n = excluded.n, brier = excluded.brier, refreshed_at = excluded.refreshed_at),
                             gone_in_themes as (delete from author_theme_score s where s.author_id = any(cast(?1 as bigint[]))%s
                                      and not exists (select 1 from unnest(cast(?7 as bigint[]), cast(?8 as bigint[])) as k(a, t)
                                                      where k.a = s.author_id and k.t = s.theme_id)),
                             kept_in_themes as (insert into author_theme_score (author_id, theme_id, n, brier, refreshed_at)
                                      select a, t, n, b, now() from unnest(cast(?7 as bigint[]), cast(?8 as bigint[]), cast(?9 as int[]),
                                      cast(?10 as float8[])) as u(a, t, n, b)
                                      on conflict (theme_id, author_id) do update
                                      set n = excluded.n, brier = excluded.brier, refreshed_at = excluded.refreshed_at)
                        select 1""".formatted(ofThemes.replace("theme_id", "s.theme_id")))
                .setParameter(1, authors).setParameter(2, themeIds).setParameter(3, themes == null)
                .setParameter(4, all.column(0)).setParameter(5, all.n()).setParameter(6, all.brier())
                .setParameter(7, byTheme.column(0)).setParameter(8, byTheme.column(1)).setParameter(9, byTheme.n())
                .setParameter(10, byTheme.brier());
        write.getResultList();
    }

    /** Rows of (key columns..., p, o, n) sorted by key, then p and o: each key's runs, in order. */
    private static void groupRuns(List<Object[]> sorted, int keyColumns, java.util.function.BiConsumer<List<Long>, Scorer.Runs> each) {
        Map<List<Long>, List<Object[]>> groups = new LinkedHashMap<>();
        for (Object[] r : sorted) {
            List<Long> key = new ArrayList<>(keyColumns);
            for (int i = 0; i < keyColumns; i++) {
                key.add(((Number) r[i]).longValue());
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        groups.forEach((key, group) -> {
            double[] p = new double[group.size()];
            double[] o = new double[group.size()];
            int[] n = new int[group.size()];
            for (int i = 0; i < group.size(); i++) {
                Object[] r = group.get(i);
                p[i] = ((Number) r[keyColumns]).doubleValue();
                o[i] = ((Number) r[keyColumns + 1]).doubleValue();
                n[i] = ((Number) r[keyColumns + 2]).intValue();
            }
            each.accept(key, new Scorer.Runs(p, o, n));
        });
    }

    /** Rows to write: their keys, n and mean Brier, as arrays for one statement. */
    private static final class Rows {
        private final List<List<Long>> keys = new ArrayList<>();
        private final List<Integer> n = new ArrayList<>();
        private final List<Double> brier = new ArrayList<>();

        void add(List<Long> key, Scorer.Runs runs) {
            keys.add(key);
            n.add(runs.size());
            brier.add(Scorer.meanBrier(runs));
        }

        Long[] column(int i) {
            return keys.stream().map(k -> k.get(i)).toArray(Long[]::new);
        }

        Integer[] n() {
            return n.toArray(Integer[]::new);
        }

        Double[] brier() {
            return brier.toArray(Double[]::new);
        }
    }

    /** Net changes of pair counts, keyed by (author, theme or null, p, o). */
    private final class Deltas {
        private record Key(long author, Long theme, double p, double o) {
        }

        private final Map<Key, Integer> net = new LinkedHashMap<>();

        void add(long author, Long theme, double p, double o, int d) {
            net.merge(new Key(author, theme, p, o), d, Integer::sum);
        }

        /**
         * In one statement, whatever the number of pairs: increments by upsert; decrements by update, which must find
         * every pair it lowers (a pair below zero, or missing, means the counts are out of step with the forecasts:
         * the transaction fails rather than keep it). Not an upsert either way: PostgreSQL checks n >= 0 on the row
         * it would insert before it finds the conflict. The net deltas touch each pair once, so no two parts of the
         * statement write the same row.
         */
        void apply() {
            List<String> parts = new ArrayList<>();
            List<List<Map.Entry<Key, Integer>>> bound = new ArrayList<>();
            List<String> lowered = new ArrayList<>();
            List<Integer> toLower = new ArrayList<>();
            for (boolean ofTheme : new boolean[]{false, true}) {
                List<Map.Entry<Key, Integer>> up = new ArrayList<>();
                List<Map.Entry<Key, Integer>> down = new ArrayList<>();
                net.entrySet().stream().filter(e -> (e.getKey().theme() != null) == ofTheme && e.getValue() != 0)
                        .forEach(e -> (e.getValue() > 0 ? up : down).add(e));
                String table = ofTheme ? "author_theme_score_pair" : "author_score_pair";
                String themeColumn = ofTheme ? "theme_id, " : "";
                String themeMatch = ofTheme ? " and s.theme_id = u.t" : "";
                if (!down.isEmpty()) {
                    String name = "lowered" + parts.size();
                    parts.add(name + " as (update " + table + " s set n = s.n + u.d from " + unnest(bound.size())
                            + " where s.author_id = u.a and s.p = u.p and s.o = u.o" + themeMatch + " returning 1)");
                    bound.add(down);
                    lowered.add(table);
                    toLower.add(down.size());
                }
                if (!up.isEmpty()) {
                    parts.add("raised" + parts.size() + " as (insert into " + table + " (author_id, " + themeColumn + "p, o, n) select a, "
                            + (ofTheme ? "t, " : "") + "p, o, d from " + unnest(bound.size())
                            + " on conflict (author_id, " + themeColumn + "p, o) do update set n = " + table + ".n + excluded.n returning 1)");
                    bound.add(up);
                }
            }
            if (parts.isEmpty()) {
                return;
            }
            StringBuilder counts = new StringBuilder("0");
            parts.stream().filter(part -> part.startsWith("lowered"))
                    .forEach(part -> counts.append(", (select count(*) from ").append(part, 0, part.indexOf(' ')).append(')'));
            var query = em.createNativeQuery("with " + String.join(", ", parts) + " select " + counts);
            for (int i = 0; i < bound.size(); i++) {
                bind(query, 5 * i, bound.get(i));
            }
            Object row = query.getSingleResult();
            for (int i = 0; i < lowered.size(); i++) {
                long updated = ((Number) ((Object[]) row)[i + 1]).longValue();
                if (updated != toLower.get(i)) {
                    throw new IllegalStateException(lowered.get(i) + ": " + (toLower.get(i) - updated) + " of " + toLower.get(i)
                            + " pairs to lower are missing; the counts are out of step with the forecasts");
                }
            }
        }

        /** The five arrays bound for the {@code part}-th list of pairs (parameters 5 part + 1 to 5 part + 5), as the rows u(a, t, p, o, d). */
        private static String unnest(int part) {
            int f = 5 * part;
            return "unnest(cast(?" + (f + 1) + " as bigint[]), cast(?" + (f + 2) + " as bigint[]), cast(?" + (f + 3)
                    + " as float8[]), cast(?" + (f + 4) + " as float8[]), cast(?" + (f + 5) + " as int[])) as u(a, t, p, o, d)";
        }

        private static void bind(jakarta.persistence.Query q, int offset, List<Map.Entry<Key, Integer>> entries) {
            q.setParameter(offset + 1, entries.stream().map(e -> e.getKey().author()).toArray(Long[]::new))
                    .setParameter(offset + 2, entries.stream().map(e -> e.getKey().theme()).toArray(Long[]::new))
                    .setParameter(offset + 3, entries.stream().map(e -> e.getKey().p()).toArray(Double[]::new))
                    .setParameter(offset + 4, entries.stream().map(e -> e.getKey().o()).toArray(Double[]::new))
                    .setParameter(offset + 5, entries.stream().map(Map.Entry::getValue).toArray(Integer[]::new));
        }
    }

    private static List<Long> longs(Object array) {
        List<Long> values = new ArrayList<>();
        if (array instanceof Object[] objects) {
            for (Object v : objects) {
                values.add(((Number) v).longValue());
            }
        } else if (array instanceof long[] primitives) {
            for (long v : primitives) {
                values.add(v);
            }
        }
        return values;
    }
}
