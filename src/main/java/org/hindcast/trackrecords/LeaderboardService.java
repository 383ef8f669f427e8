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

    /** A page of the leaderboard, remembered for the ledger's snapshot (see SnapshotCache). */
    public Leaderboard leaderboard(String themeSlug, int minScored, int page, int size) {
        return cache.read("leaderboard", SnapshotCache.args(themeSlug, minScored, page, size),
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
                + "(s.n * s.brier + :k * 0.25) / (s.n + :k) as shrunk, s.interval_low, s.interval_high, s.std_error "
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
        List<Leaderboard.Entry> entries = new ArrayList<>();
        int rank = page * size;
        for (Object[] r : rows) {
            entries.add(new Leaderboard.Entry(++rank, (String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                    ((Number) r[3]).doubleValue(), ((Number) r[4]).doubleValue(),
                    new SetScore.Interval(((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue()),
                    r[7] == null ? null : ((Number) r[7]).doubleValue()));
        }
        return new Leaderboard(Rules.VERSION, themeSlug, k, minScored, TrackRecord.BRIER_SCALE, entries, page, size, total);
    }
}
