package org.hindcast.benchmark;

import org.hindcast.forecasts.ForecastService;
import org.hindcast.trackrecords.LeaderboardService;
import org.hindcast.trackrecords.ScoreAggregates;
import org.hindcast.trackrecords.ScoredRows;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SQL the service runs to answer each benchmarked request, as pgbench scripts: the service's own statements
 * (ScoredRows, ForecastService.authorPageSql, LeaderboardService.pageSql: the same strings, not copies) with their
 * parameters written in. Two statements are the ORM's rather than the service's text, and are written here as the
 * ORM issues them: finding the author by slug, and loading a page's forecasts with their papers by id.
 * pgbench runs a script as one transaction, so its tps is "answers' worth of data per second".
 */
final class SqlEquivalents {

    private SqlEquivalents() {
    }

    /** An author's track record: the author, their forecasts, those forecasts' themes, the theme tree, the others' count. */
    static String trackRecord(String slug, long authorId, List<Long> forecastIds) {
        return "select id, slug, display_name, affiliation from author where slug = " + literal(slug) + ";\n"
                + inline(ScoredRows.AUTHOR_FORECASTS, authorId) + ";\n"
                + inline(ScoredRows.THEMES_OF_FORECASTS, forecastIds) + ";\n"
                + ScoredRows.THEME_TREE + ";\n"
                + inline(ScoredRows.ATTRIBUTED_IN_PAPERS_OF, authorId) + ";\n";
    }

    /**
     * The track record's statements, and the page's two lists as ForecastService.ofAuthor reads them: the count, the
     * page of ids, then those forecasts with their papers (the ids the service would get, looked up beforehand).
     */
    static String authorPage(String slug, long authorId, List<Long> forecastIds, List<Long> resolvedIds, List<Long> pendingIds) {
        StringBuilder sql = new StringBuilder(trackRecord(slug, authorId, forecastIds));
        for (boolean resolved : new boolean[]{true, false}) {
            List<Long> ids = resolved ? resolvedIds : pendingIds;
            sql.append(inline(ForecastService.authorCountSql(resolved), authorId)).append(";\n");
            sql.append(inline(ForecastService.authorPageSql(resolved), authorId, 200, 0)).append(";\n");
            sql.append("select f.*, p.* from forecast f join paper p on p.id = f.paper_id where f.id = any('{")
                    .append(ids.stream().map(String::valueOf).collect(Collectors.joining(","))).append("}'::bigint[]);\n");
        }
        return sql.toString();
    }

    /** The ids of the author's page lists, as the service picks them (its own statement). */
    static String pageIds(long authorId, boolean resolved) {
        return "select coalesce(string_agg(id::text, ','), '') from (" + inline(ForecastService.authorPageSql(resolved), authorId, 200, 0)
                + ") ids";
    }

    /** The ids of all the author's forecasts, as the track record reads them (its own statement). */
    static String forecastIds(long authorId) {
        return "select coalesce(string_agg(id::text, ','), '') from (" + inline(ScoredRows.AUTHOR_FORECASTS, authorId) + ") ids";
    }

    /** The first page of the overall leaderboard, as the service reads it, with the default settings. */
    static String leaderboard() {
        Map<String, Object> p = Map.of("k", 10, "minN", 1, "limit", 50, "offset", 0);
        String page = named(LeaderboardService.pageSql(false), p);
        // The page's authors' pairs, for their intervals: the service binds the page's ids; here the page is a subquery.
        return named(LeaderboardService.countSql(false), p) + ";\n" + page + ";\n"
                + ScoreAggregates.AUTHORS_PAIRS.replace("cast(?1 as bigint[])", "array(select author_id from (" + page + ") page)") + ";\n";
    }

    /** The statement with its ?1, ?2 ... parameters written in as SQL literals. */
    static String inline(String sql, Object... params) {
        Matcher m = Pattern.compile("\\?(\\d+)").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(literal(params[Integer.parseInt(m.group(1)) - 1])));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The statement with its :name parameters written in as SQL literals. */
    static String named(String sql, Map<String, Object> params) {
        Matcher m = Pattern.compile(":([A-Za-z]+)").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!params.containsKey(m.group(1))) {
                throw new IllegalArgumentException("no value for :" + m.group(1) + " in " + sql);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(literal(params.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String literal(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return "'{" + list.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}'";
        }
        return "'" + String.valueOf(value).replace("'", "''") + "'";
    }
}
