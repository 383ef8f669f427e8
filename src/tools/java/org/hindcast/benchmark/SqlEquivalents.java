package org.hindcast.benchmark;

import java.util.List;

/**
 * The SQL the service runs to answer each benchmarked request, as pgbench scripts: the same statements
 * (ScoredRows, TrackRecordService, ForecastService.list, LeaderboardService) with the parameters filled in.
 * pgbench runs a script as one transaction, so its tps is "answers' worth of data per second".
 */
final class SqlEquivalents {

    private SqlEquivalents() {
    }

    static String trackRecord(String slug, long authorId) {
        return "select id, slug, display_name, affiliation from author where slug = '" + slug + "';\n"
                + "select f.id, f.probability, f.status, f.outcome_credit, f.made_on, f.resolve_by, f.phrase_table_version "
                + "from forecast_author fa join forecast f on f.id = fa.forecast_id where fa.author_id = " + authorId + " order by f.id;\n"
                + "select ft.forecast_id, ft.theme_id from forecast_author fa join forecast_theme ft on ft.forecast_id = fa.forecast_id "
                + "where fa.author_id = " + authorId + ";\n"
                + "select id, parent_id, slug, name from theme;\n"
                + "select count(*) from forecast f join paper_author pa on pa.paper_id = f.paper_id where pa.author_id = "
                + authorId + " and f.speaker = 'THIRD_PARTY';\n";
    }

    /**
     * The track record's statements, and the page's two lists as ForecastService.ofAuthor reads them: the count, the
     * page of ids, then those forecasts with their papers (the ids the service would get, looked up beforehand).
     */
    static String authorPage(String slug, long authorId, List<Long> resolvedIds, List<Long> pendingIds) {
        String mine = "with mine as materialized (select forecast_id from forecast_author where author_id = " + authorId + ") ";
        StringBuilder sql = new StringBuilder(trackRecord(slug, authorId));
        for (boolean resolved : new boolean[]{true, false}) {
            String where = " from mine join forecast f on f.id = mine.forecast_id where f.status " + (resolved ? "<>" : "=") + " 'PENDING'";
            List<Long> ids = resolved ? resolvedIds : pendingIds;
            sql.append("select count(*) from (").append(mine).append("select f.id").append(where).append(") ids;\n");
            sql.append(mine).append("select f.id").append(where)
                    .append(resolved ? " order by f.made_on desc, f.id desc" : " order by f.resolve_by, f.id").append(" limit 200;\n");
            sql.append("select f.*, p.* from forecast f join paper p on p.id = f.paper_id where f.id = any('{")
                    .append(ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))).append("}'::bigint[]);\n");
        }
        return sql.toString();
    }

    /** The ids of the author's page lists, as the service picks them. */
    static String pageIds(long authorId, boolean resolved) {
        return "with mine as materialized (select forecast_id from forecast_author where author_id = " + authorId + ") "
                + "select coalesce(string_agg(id::text, ','), '') from (select f.id from mine join forecast f on f.id = mine.forecast_id "
                + "where f.status " + (resolved ? "<> 'PENDING' order by f.made_on desc, f.id desc" : "= 'PENDING' order by f.resolve_by, f.id")
                + " limit 200) ids";
    }

    static String leaderboard() {
        return "select count(*) from author_score s where s.n >= 1;\n"
                + "select a.slug, a.display_name, s.n, s.brier, (s.n * s.brier + 10 * 0.25) / (s.n + 10) as shrunk, "
                + "s.interval_low, s.interval_high, s.std_error from author_score s join author a on a.id = s.author_id "
                + "where s.n >= 1 order by shrunk, s.n desc, a.slug limit 50 offset 0;\n";
    }
}
