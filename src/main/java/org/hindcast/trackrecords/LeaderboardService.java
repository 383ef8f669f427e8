package org.hindcast.trackrecords;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hindcast.platform.SnapshotCache;
import org.hindcast.scoring.Rules;
import org.hindcast.scoring.SetScore;
import org.hindcast.themes.Theme;
import org.hindcast.themes.ThemeService;

import java.util.ArrayList;
import java.util.List;

/** Reads the leaderboards from the maintained aggregates: a sort of one small row per author. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LeaderboardService {

    @Inject
    EntityManager em;

    @Inject
    ThemeService themes;

    @Inject
    ScoringSettings settings;

    @Inject
    SnapshotCache cache;

    @Inject
    ScoreAggregates aggregates;

    /** A page of the leaderboard, remembered for the ledger's snapshot (see SnapshotCache). */
    public Leaderboard leaderboard(String themeSlug, int minScored, int page, int size) {
        return board(themeSlug, minScored, page, size).read().value();
    }

    /** A page of the leaderboard, as an answer that can be revalidated by its tag. */
    public SnapshotCache.Answer<Leaderboard> board(String themeSlug, int minScored, int page, int size) {
        return cache.answer("leaderboard", SnapshotCache.args(themeSlug, minScored, page, size),
                () -> compute(themeSlug, minScored, page, size));
    }

    @SuppressWarnings("unchecked")
    /** The number of ranked authors; named parameters :minN (and :theme for a theme's board). */
    public static String countSql(boolean ofTheme) {
        return "select count(*) from " + (ofTheme ? "author_theme_score s" : "author_score s") + where(ofTheme);
    }

    /** A page of the board; named parameters :k, :minN, :limit, :offset (and :theme). The benchmark runs this string too. */
    public static String pageSql(boolean ofTheme) {
        return "select a.slug, a.display_name, s.n, s.brier, "
                + "(s.n * s.brier + :k * 0.25) / (s.n + :k) as shrunk, s.author_id "
                + "from " + (ofTheme ? "author_theme_score s" : "author_score s") + " join author a on a.id = s.author_id"
                + where(ofTheme) + " order by shrunk, s.n desc, a.slug limit :limit offset :offset";
    }

    private static String where(boolean ofTheme) {
        return " where s.n >= :minN" + (ofTheme ? " and s.theme_id = :theme" : "");
    }

    private Leaderboard compute(String themeSlug, int minScored, int page, int size) {
        double k = settings.shrinkage();
        Long themeId = themeSlug == null || themeSlug.isBlank() ? null : themes.get(themeSlug).id;
        var count = em.createNativeQuery(countSql(themeId != null)).setParameter("minN", minScored);
        var query = em.createNativeQuery(pageSql(themeId != null))
                .setParameter("k", k).setParameter("minN", minScored)
                .setParameter("limit", size).setParameter("offset", (long) page * size);
        if (themeId != null) {
            count.setParameter("theme", themeId);
            query.setParameter("theme", themeId);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<Object[]> rows = query.getResultList();
        // The interval and the standard error of the page's authors, from their sets' pairs (remembered by them).
        var pairs = aggregates.pairs(rows.stream().map(r -> ((Number) r[5]).longValue()).toList(), themeId);
        var scorer = settings.scorer();
        List<Leaderboard.Entry> entries = new ArrayList<>();
        int rank = page * size;
        for (Object[] r : rows) {
            var runs = pairs.get(((Number) r[5]).longValue());
            if (runs == null || runs.size() != ((Number) r[2]).intValue()) {
                throw new IllegalStateException("the leaderboard row of author " + r[5] + " and its pairs disagree");
            }
            SetScore score = scorer.score(runs);
            entries.add(new Leaderboard.Entry(++rank, (String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                    ((Number) r[3]).doubleValue(), ((Number) r[4]).doubleValue(), score.brierInterval(), score.brierStdError()));
        }
        return new Leaderboard(Rules.VERSION, themeSlug, k, minScored, TrackRecord.BRIER_SCALE, entries, page, size, total);
    }

    /**
     * The board of a period: authors ranked on their forecasts resolved between two dates (either open), on a
     * theme or all. The maintained rows hold all-time figures only, so a period's board is computed from the
     * forecasts: the scored rows of the period, summed per author in Java by the scoring rules (brier, shrunk),
     * ranked, and the page's authors scored in full for their intervals. Remembered per ledger snapshot.
     */
    public Leaderboard period(String themeSlug, java.time.LocalDate from, java.time.LocalDate to, int minScored, int page, int size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw org.hindcast.problems.ApiException.badField("resolvedTo", "is before resolvedFrom");
        }
        return cache.read("leaderboard-period", SnapshotCache.args(themeSlug, from, to, minScored, page, size),
                () -> computePeriod(themeSlug, from, to, minScored, page, size));
    }

    @SuppressWarnings("unchecked")
    private Leaderboard computePeriod(String themeSlug, java.time.LocalDate from, java.time.LocalDate to, int minScored,
                                      int page, int size) {
        double k = settings.shrinkage();
        Long themeId = themeSlug == null || themeSlug.isBlank() ? null : themes.get(themeSlug).id;
        StringBuilder sql = new StringBuilder("select fa.author_id, f.probability, f.outcome_credit from forecast f "
                + "join forecast_author fa on fa.forecast_id = f.id where f.status in ('TRUE', 'FALSE', 'PARTIAL')");
        if (from != null) {
            sql.append(" and f.resolved_on >= :from");
        }
        if (to != null) {
            sql.append(" and f.resolved_on <= :to");
        }
        if (themeId != null) {
            sql.append(" and exists (select 1 from forecast_theme ft where ft.forecast_id = f.id and ft.theme_id in (:themes))");
        }
        var query = em.createNativeQuery(sql.toString());
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (themeId != null) {
            query.setParameter("themes", themes.subtreeIds(themeId));
        }
        java.util.Map<Long, List<org.hindcast.scoring.ScoredForecast>> byAuthor = new java.util.HashMap<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            byAuthor.computeIfAbsent(((Number) r[0]).longValue(), x -> new ArrayList<>())
                    .add(new org.hindcast.scoring.ScoredForecast(((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue()));
        }
        record Ranked(long author, int n, double brier, double shrunk) {
        }
        List<Ranked> ranked = new ArrayList<>();
        byAuthor.forEach((author, set) -> {
            if (set.size() >= minScored) {
                double sum = 0;
                for (var f : set) {
                    sum += Rules.brier(f.p(), f.o());
                }
                double brier = sum / set.size();
                ranked.add(new Ranked(author, set.size(), brier, (set.size() * brier + k * 0.25) / (set.size() + k)));
            }
        });
        java.util.Map<Long, Object[]> names = new java.util.HashMap<>();
        if (!ranked.isEmpty()) {
            ((List<Object[]>) em.createNativeQuery("select id, slug, display_name from author where id in (:ids)")
                    .setParameter("ids", ranked.stream().map(Ranked::author).toList()).getResultList())
                    .forEach(r -> names.put(((Number) r[0]).longValue(), r));
        }
        ranked.sort(java.util.Comparator.comparingDouble(Ranked::shrunk).thenComparing(Ranked::n, java.util.Comparator.reverseOrder())
                .thenComparing(r -> (String) names.get(r.author())[1]));
        var scorer = settings.scorer();
        List<Leaderboard.Entry> entries = new ArrayList<>();
        for (int i = page * size; i < Math.min(ranked.size(), (page + 1) * size); i++) {
            Ranked r = ranked.get(i);
            SetScore score = scorer.score(byAuthor.get(r.author()));
            entries.add(new Leaderboard.Entry(i + 1, (String) names.get(r.author())[1], (String) names.get(r.author())[2], r.n(),
                    score.brier(), score.shrunkBrier(), score.brierInterval(), score.brierStdError()));
        }
        return new Leaderboard(Rules.VERSION, themeSlug, k, minScored, TrackRecord.BRIER_SCALE, entries, page, size, ranked.size());
    }
}
