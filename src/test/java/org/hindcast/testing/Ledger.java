package org.hindcast.testing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hindcast.testing.Staff.as;

/** Reads the database directly, to check what a request stored or did not store; and makes fixtures. */
@ApplicationScoped
public class Ledger {

    private static final List<String> TABLES = List.of("app_user", "app_user_role", "author", "author_alias",
            "author_merge", "theme", "paper", "paper_author", "forecast", "forecast_author", "forecast_theme",
            "forecast_correction", "evidence", "resolution", "resolution_evidence", "audit_entry");

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    AgroalDataSource dataSource;

    /** Row counts of every ledger table: equal before and after means a request wrote nothing. */
    public Map<String, Long> counts() {
        Staff.ensure();
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** The first row of a query, column by column (an empty map when there is none). */
    public Map<String, Object> row(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            Map<String, Object> row = new LinkedHashMap<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement run as it is, for a test that sets up what an older version of the service left behind. */
    public int execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Object scalar(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQ.incrementAndGet();
    }

    /** A theme created through the API; returns its slug. */
    public static String theme(String name) {
        String slug = unique("theme");
        as("editor").body(Map.of("slug", slug, "name", name)).post("/api/themes").then().statusCode(201);
        return slug;
    }

    /** A paper by the named authors created through the API; returns its slug. */
    public static String paper(String published, String... authorNames) {
        String slug = unique("paper");
        List<Map<String, String>> authors = java.util.Arrays.stream(authorNames).map(n -> Map.of("name", n)).toList();
        as("editor").body(Map.of("slug", slug, "title", "Paper " + slug, "publisher", "Test Institute",
                        "published", published, "authors", authors))
                .post("/api/sources").then().statusCode(201);
        return slug;
    }

    /** A forecast of an editor's judgement on a paper; returns its id. */
    public static long forecast(String paper, String theme, double p, String resolveBy, String by) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paper", paper);
        String what = unique("thing");
        body.put("statement", "Something (" + what + ") happens by " + resolveBy);
        body.put("quote", "Something (" + what + ") is expected to happen.");
        body.put("probability", p);
        body.put("probabilityBasis", "EDITOR");
        body.put("resolveBy", resolveBy);
        body.put("resolveByBasis", "STATED");
        body.put("themes", List.of(theme));
        return as(by).body(body).post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
