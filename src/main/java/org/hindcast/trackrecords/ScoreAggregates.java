package org.hindcast.trackrecords;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hindcast.common.ScoresChanged;
import org.hindcast.scoring.Scorer;
import org.hindcast.scoring.SetScore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps author_score and author_theme_score (the leaderboards' rows) equal to what the forecasts say.
 * Runs inside the transaction of the write that fired {@link ScoresChanged}: recomputes each touched
 * author from their forecasts, after locking the author rows in id order so that concurrent writes on
 * one author serialise (and cannot deadlock), and each recomputation reads the other's committed work.
 */
@ApplicationScoped
public class ScoreAggregates {

    @Inject
    EntityManager em;

    @Inject
    ScoredRows rows;

    @Inject
    ScoringSettings settings;

    @Transactional(Transactional.TxType.MANDATORY)
    void onScoresChanged(@Observes ScoresChanged change) {
        if (change.all()) {
            refreshAll();
        } else if (change.verdictsOn() != null) {
            refreshVerdicts(change.authorIds(), change.verdictsOn());
        } else {
            refresh(change.authorIds());
        }
    }

    /**
     * After new verdicts on some forecasts: the authors' overall rows and the rows of the themes those forecasts are
     * filed under (with their ancestors). Every other theme row of the authors holds the same forecasts with the same
     * outcomes as before, so it keeps its figures: a prolific author's resolution recomputes four sets, not sixty.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshVerdicts(Set<Long> authorIds, Set<Long> forecastIds) {
        refresh(authorIds, forecastIds);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(Set<Long> authorIds) {
        refresh(authorIds, null);
    }

    /** Locks the authors in id order (so concurrent writes cannot deadlock), then recomputes them: every set, or those of the verdicts. */
    @SuppressWarnings("unchecked")
    private void refresh(Set<Long> authorIds, Set<Long> verdictsOn) {
        if (authorIds.isEmpty()) {
            return;
        }
        em.flush();
        List<Number> locked = em.createNativeQuery("select id from author where id = any(cast(?1 as bigint[])) order by id for update")
                .setParameter(1, authorIds.toArray(Long[]::new)).getResultList();
        var tree = rows.themeTree();
        Set<Long> themes = null;
        if (verdictsOn != null) {
            Set<Long> filed = new java.util.HashSet<>();
            rows.themesOf(List.copyOf(verdictsOn)).values().forEach(filed::addAll);
            themes = ScoredRows.withAncestors(filed, tree);
        }
        Scorer scorer = settings.scorer();
        for (Number id : locked) {
            refreshOne(id.longValue(), scorer, tree, themes);
        }
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
        Set<Long> authors = new java.util.HashSet<>();
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

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void refreshAll() {
        em.flush();
        List<Number> ids = em.createNativeQuery("select id from author order by id for update").getResultList();
        em.createNativeQuery("delete from author_score").executeUpdate();
        em.createNativeQuery("delete from author_theme_score").executeUpdate();
        em.createNativeQuery("delete from score_refresh_pending").executeUpdate();
        Scorer scorer = settings.scorer();
        var tree = rows.themeTree();
        for (Number id : ids) {
            refreshOne(id.longValue(), scorer, tree);
        }
    }

    private void refreshOne(long authorId, Scorer scorer, Map<Long, ScoredRows.ThemeNode> tree) {
        refreshOne(authorId, scorer, tree, null);
    }

    /** Recomputes the author's overall row and their theme rows: all of them, or only those of {@code onlyThemes}. */
    private void refreshOne(long authorId, Scorer scorer, Map<Long, ScoredRows.ThemeNode> tree, Set<Long> onlyThemes) {
        em.createNativeQuery("delete from author_score where author_id = ?1").setParameter(1, authorId).executeUpdate();
        if (onlyThemes == null) {
            em.createNativeQuery("delete from author_theme_score where author_id = ?1").setParameter(1, authorId).executeUpdate();
        } else if (!onlyThemes.isEmpty()) {
            em.createNativeQuery("delete from author_theme_score where author_id = ?1 and theme_id = any(cast(?2 as bigint[]))")
                    .setParameter(1, authorId).setParameter(2, onlyThemes.toArray(Long[]::new)).executeUpdate();
        }
        // One statement: the author's scored forecasts with their themes (index-only probes, V6__scoring_reads.sql).
        List<ScoredRows.ScoredWithThemes> scored = rows.scoredWithThemes(authorId);
        if (scored.isEmpty()) {
            return;
        }
        SetScore all = scorer.score(scored.stream().map(ScoredRows.ScoredWithThemes::forecast).toList());
        em.createNativeQuery("insert into author_score (author_id, n, brier, std_error, interval_low, interval_high) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, authorId).setParameter(2, all.scored()).setParameter(3, all.brier())
                .setParameter(4, all.brierStdError()).setParameter(5, all.brierInterval().low())
                .setParameter(6, all.brierInterval().high()).executeUpdate();

        Map<Long, List<org.hindcast.scoring.ScoredForecast>> byTheme = new HashMap<>();
        for (ScoredRows.ScoredWithThemes r : scored) {
            for (Long t : ScoredRows.withAncestors(r.themes(), tree)) {
                if (onlyThemes == null || onlyThemes.contains(t)) {
                    byTheme.computeIfAbsent(t, k -> new ArrayList<>()).add(r.forecast());
                }
            }
        }
        if (byTheme.isEmpty()) {
            return;
        }
        int size = byTheme.size();
        Long[] themeIds = new Long[size];
        Integer[] n = new Integer[size];
        Double[] brier = new Double[size];
        Double[] se = new Double[size];
        Double[] low = new Double[size];
        Double[] high = new Double[size];
        int i = 0;
        for (var e : byTheme.entrySet()) {
            SetScore s = scorer.score(e.getValue());
            themeIds[i] = e.getKey();
            n[i] = s.scored();
            brier[i] = s.brier();
            se[i] = s.brierStdError();
            low[i] = s.brierInterval().low();
            high[i] = s.brierInterval().high();
            i++;
        }
        em.createNativeQuery("insert into author_theme_score (author_id, theme_id, n, brier, std_error, interval_low, interval_high) "
                        + "select ?1, t, n, b, se, lo, hi from unnest(cast(?2 as bigint[]), cast(?3 as int[]), "
                        + "cast(?4 as float8[]), cast(?5 as float8[]), cast(?6 as float8[]), cast(?7 as float8[])) as u(t, n, b, se, lo, hi)")
                .setParameter(1, authorId).setParameter(2, themeIds).setParameter(3, n).setParameter(4, brier)
                .setParameter(5, se).setParameter(6, low).setParameter(7, high).executeUpdate();
    }
}
