package org.hindcast.trackrecords;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.hindcast.scoring.ScoredForecast;
import org.hindcast.scoring.Scorer;
import org.hindcast.scoring.SetScore;
import org.hindcast.testing.Ledger;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leaderboards' rows are kept by deltas of (p, o) counts on a verdict and recounted on other changes
 * (ScoreAggregates). After every step of a seeded random sequence of verdicts, later verdicts, withdrawals,
 * corrections of probability and merges, made through the API, each author's rows (overall and per theme, a theme
 * counting its sub-themes) must equal the figures computed from the forecasts the ledger holds; at the end a full
 * recomputation must leave every row and every count as it was, and the boards' intervals and standard errors must
 * equal the scorer's over the forecasts.
 */
@QuarkusTest
class ScoreDeltaTests {

    @Inject
    Ledger ledger;

    @Inject
    ScoreAggregates aggregates;

    @Inject
    ScoringSettings settings;

    private static final String[] OUTCOMES = {"TRUE", "FALSE", "PARTIAL", "ANNULLED", "AMBIGUOUS"};

    @Test
    void aLaterVerdictThatFindsItsPairMissingIsRefusedWholeAndWritesNothing() {
        String theme = Ledger.theme("Out of step " + Ledger.unique("t"));
        String paper = Ledger.paper("2024-11-13", "Out Of Step " + theme);
        long forecast = Ledger.forecast(paper, theme, 0.75, "2025-11-30", "editor");
        Map<String, Object> verdict = new HashMap<>(Map.of("forecastVersion", 0, "outcome", "TRUE", "resolvedOn", "2025-11-13",
                "rationale", "The visit was reported."));
        as("reviewer").body(verdict).post("/api/forecasts/" + forecast + "/resolutions").then().statusCode(201);
        long author = ((Number) ledger.scalar("select author_id from forecast_author where forecast_id = ?", forecast)).longValue();
        // the theme's pair of the first verdict goes missing behind the service's back: the counts are out of step
        assertEquals(1, ledger.execute("delete from author_theme_score_pair where author_id = ? and p = 0.75 and o = 1", author));
        var before = ledger.counts();
        Map<String, Object> score = ledger.row("select n, brier from author_score where author_id = " + author);
        verdict.putAll(Map.of("forecastVersion", 1, "outcome", "FALSE", "reason", "Read again."));
        as("reviewer2").body(verdict).post("/api/forecasts/" + forecast + "/resolutions").then().statusCode(500);
        assertEquals(before, ledger.counts(), "no resolution, audit entry or pair written");
        assertEquals("TRUE", ledger.scalar("select status from forecast where id = ?", forecast));
        assertEquals(1L, ((Number) ledger.scalar("select n from author_score_pair where author_id = ? and p = 0.75 and o = 1", author)).longValue(),
                "the overall pair, lowered in the same statement, is as it was");
        assertEquals(score, ledger.row("select n, brier from author_score where author_id = " + author));
    }

    @Test
    void rowsKeptByDeltasEqualAFullRecomputationAfterARandomSequenceOfChanges() {
        String tag = Ledger.unique("delta");
        String region = Ledger.theme("Region " + tag);
        String north = Ledger.unique("north");
        String south = Ledger.unique("south");
        as("editor").body(Map.of("slug", north, "name", "North " + tag, "parent", region)).post("/api/themes").then().statusCode(201);
        as("editor").body(Map.of("slug", south, "name", "South " + tag, "parent", region)).post("/api/themes").then().statusCode(201);
        Map<String, Long> themeIds = new HashMap<>();
        for (String t : List.of(region, north, south)) {
            themeIds.put(t, ((Number) ledger.scalar("select id from theme where slug = ?", t)).longValue());
        }
        // Each theme's forecasts: its own and its sub-themes' (the theme's own id first).
        Map<String, List<Long>> subtrees = Map.of(region, List.of(themeIds.get(region), themeIds.get(north), themeIds.get(south)),
                north, List.of(themeIds.get(north)), south, List.of(themeIds.get(south)));

        String[][] papersBy = {{"Ana " + tag}, {"Ben " + tag}, {"Ana " + tag, "Cy " + tag}, {"Dee " + tag}, {"Ben " + tag, "Dee " + tag}};
        List<String> papers = new ArrayList<>();
        for (String[] names : papersBy) {
            papers.add(Ledger.paper("2024-01-15", names));
        }
        Map<String, Long> authors = new LinkedHashMap<>();
        for (String name : List.of("Ana", "Ben", "Cy", "Dee")) {
            Object slug = ledger.scalar("select slug from author where display_name = ?", name + " " + tag);
            assertNotNull(slug, name);
            authors.put((String) slug, ((Number) ledger.scalar("select id from author where slug = ?", slug)).longValue());
        }

        Random random = new Random(20_261_207L);
        double[] ps = {0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9};
        List<Long> forecasts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<String> themes = switch (i % 4) {
                case 0 -> List.of(north);
                case 1 -> List.of(north, south); // counts once for the region
                case 2 -> List.of(south);
                default -> List.of(region, north);
            };
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("paper", papers.get(i % papers.size()));
            body.put("statement", "Event " + i + " of " + tag + " happens by mid-2025");
            body.put("quote", "Event " + i + " of " + tag + " is expected.");
            body.put("probability", ps[random.nextInt(ps.length)]);
            body.put("probabilityBasis", "EDITOR");
            body.put("resolveBy", "2025-06-30");
            body.put("resolveByBasis", "STATED");
            body.put("themes", themes);
            forecasts.add(as("editor").body(body).post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        check(authors, subtrees, "after logging");

        int merges = 0;
        for (int step = 1; step <= 90; step++) {
            long id = forecasts.get(random.nextInt(forecasts.size()));
            JsonPath f = anonymous().get("/api/forecasts/" + id).then().statusCode(200).extract().jsonPath();
            String status = f.getString("status");
            long version = f.getLong("version");
            int kind = random.nextInt(20);
            String did;
            if (status.equals("WITHDRAWN")) {
                did = "nothing (forecast " + id + " is withdrawn)";
            } else if (kind < 11) {
                String outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
                Map<String, Object> verdict = new LinkedHashMap<>();
                verdict.put("forecastVersion", version);
                verdict.put("outcome", outcome);
                verdict.put("resolvedOn", LocalDate.parse("2025-07-01").plusDays(step).toString());
                verdict.put("rationale", "Step " + step + ".");
                if (outcome.equals("PARTIAL")) {
                    verdict.put("credit", random.nextBoolean() ? 0.5 : 0.25);
                }
                String reviewer = "reviewer";
                if (!status.equals("PENDING")) {
                    verdict.put("reason", "A later reading, step " + step + ".");
                    reviewer = "reviewer2";
                }
                as(reviewer).body(verdict).post("/api/forecasts/" + id + "/resolutions").then().statusCode(201);
                did = (status.equals("PENDING") ? "verdict " : "later verdict ") + outcome + " on " + id + " (was " + status + ")";
            } else if (kind < 14) {
                var answer = as("editor").body(Map.of("version", version, "reason", "A duplicate, step " + step + "."))
                        .post("/api/forecasts/" + id + "/withdrawal").then().extract();
                appliedOrApproved(answer, id, status, "editor2");
                did = "withdrawal of " + id + " (was " + status + ")";
            } else if (kind < 19 || merges >= 2 || authors.size() < 3) {
                double p = ps[random.nextInt(ps.length)];
                if (p == f.getDouble("probability")) {
                    p = p == 0.9 ? 0.1 : 0.9;
                }
                var answer = as("editor2").body(Map.of("version", version, "reason", "Read again, step " + step + ".",
                        "probability", p, "probabilityBasis", "EDITOR")).post("/api/forecasts/" + id + "/corrections").then().extract();
                appliedOrApproved(answer, id, status, "editor");
                did = "probability of " + id + " to " + p + " (was " + status + ")";
            } else {
                List<String> slugs = new ArrayList<>(authors.keySet());
                String gone = slugs.get(random.nextInt(slugs.size()));
                slugs.remove(gone);
                String into = slugs.get(random.nextInt(slugs.size()));
                as("admin").body(Map.of("into", into)).post("/api/authors/" + gone + "/merge").then().statusCode(200);
                authors.remove(gone);
                merges++;
                did = "merge of " + gone + " into " + into;
            }
            check(authors, subtrees, "step " + step + ": " + did);
        }
        assertTrue(merges >= 1, "the sequence merged authors");

        // A full recomputation leaves every row and every count as the deltas left them.
        Long[] ids = authors.values().toArray(Long[]::new);
        List<String> before = snapshot(ids);
        QuarkusTransaction.requiringNew().run(() -> aggregates.refresh(java.util.Set.copyOf(authors.values())));
        assertEquals(before, snapshot(ids));

        // Every figure of the boards, interval and standard error included, equals the scorer's over the forecasts.
        Scorer scorer = settings.scorer();
        var pairs = aggregates.pairs(List.copyOf(authors.values()), null);
        for (var a : authors.entrySet()) {
            List<ScoredForecast> set = scored(a.getValue(), null);
            if (set.isEmpty()) {
                assertTrue(!pairs.containsKey(a.getValue()), a.getKey() + " has no pairs");
                continue;
            }
            assertEquals(scorer.score(set), scorer.score(pairs.get(a.getValue())), a.getKey());
        }
        for (String theme : List.of(region, north)) {
            List<Long> subtree = subtrees.get(theme);
            JsonPath board = new JsonPath(anonymous().get("/api/leaderboard?theme=" + theme).then().statusCode(200).extract().asString())
                    .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
            List<Map<String, Object>> entries = board.getList("entries");
            assertTrue(!entries.isEmpty(), theme);
            for (Map<String, Object> e : entries) {
                long author = authors.get((String) e.get("slug"));
                SetScore want = scorer.score(scored(author, subtree));
                assertEquals(want.scored(), ((Number) e.get("scored")).intValue());
                assertEquals(want.brier(), (Double) e.get("brier"));
                @SuppressWarnings("unchecked") Map<String, Object> interval = (Map<String, Object>) e.get("brierInterval");
                assertEquals(want.brierInterval().low(), (Double) interval.get("low"));
                assertEquals(want.brierInterval().high(), (Double) interval.get("high"));
                assertEquals(want.brierStdError(), (Double) e.get("brierStdError"));
            }
        }
    }

    /** Before the verdict the change applies at once (200); after it, it is proposed (202) and a second person approves. */
    private static void appliedOrApproved(io.restassured.response.ExtractableResponse<io.restassured.response.Response> answer,
                                          long id, String status, String approver) {
        if (status.equals("PENDING")) {
            assertEquals(200, answer.statusCode(), answer.asString());
        } else {
            assertEquals(202, answer.statusCode(), answer.asString());
            as(approver).post("/api/forecasts/" + id + "/correction-proposals/" + answer.jsonPath().getLong("id") + "/approve")
                    .then().statusCode(200);
        }
    }

    /** Each author's overall row and theme rows equal n and the mean Brier of the forecasts the ledger holds. */
    private void check(Map<String, Long> authors, Map<String, List<Long>> subtrees, String after) {
        for (var a : authors.entrySet()) {
            assertRow(a.getKey(), scored(a.getValue(), null), ledger.row("select n, brier from author_score where author_id = " + a.getValue()),
                    after + ", overall");
            for (var t : subtrees.entrySet()) {
                assertRow(a.getKey(), scored(a.getValue(), t.getValue()), ledger.row("select n, brier from author_theme_score "
                        + "where author_id = " + a.getValue() + " and theme_id = " + t.getValue().get(0)), after + ", theme " + t.getKey());
            }
        }
    }

    private static void assertRow(String author, List<ScoredForecast> set, Map<String, Object> row, String where) {
        if (set.isEmpty()) {
            assertTrue(row.isEmpty(), author + " has no scored forecast, so no row, " + where + ": " + row);
            return;
        }
        assertEquals(set.size(), ((Number) row.get("n")).intValue(), author + " n, " + where);
        assertEquals(Scorer.meanBrier(Scorer.Runs.of(set)), ((Number) row.get("brier")).doubleValue(), 0.0, author + " brier, " + where);
    }

    /** The author's scored forecasts, read from the forecasts themselves, overall or within these themes. */
    private List<ScoredForecast> scored(long author, List<Long> themes) {
        String sql = "select string_agg(f.probability || ':' || f.outcome_credit, ',') from forecast_author fa "
                + "join forecast f on f.id = fa.forecast_id where fa.author_id = " + author
                + " and f.status in ('TRUE', 'FALSE', 'PARTIAL')"
                + (themes == null ? "" : " and exists (select 1 from forecast_theme ft where ft.forecast_id = f.id and ft.theme_id in ("
                + String.join(",", themes.stream().map(String::valueOf).toList()) + "))");
        Object joined = ledger.scalar(sql);
        List<ScoredForecast> set = new ArrayList<>();
        if (joined != null) {
            for (String pair : ((String) joined).split(",")) {
                String[] po = pair.split(":");
                set.add(new ScoredForecast(Double.parseDouble(po[0]), Double.parseDouble(po[1])));
            }
        }
        return set;
    }

    /** Every row and every count of these authors, as text. */
    private List<String> snapshot(Long[] authors) {
        String in = String.join(",", java.util.Arrays.stream(authors).map(String::valueOf).toList());
        List<String> rows = new ArrayList<>();
        for (String sql : List.of(
                "select string_agg(author_id || '/' || n || '/' || brier, ',' order by author_id) from author_score where author_id in (" + in + ")",
                "select string_agg(author_id || '/' || theme_id || '/' || n || '/' || brier, ',' order by author_id, theme_id) "
                        + "from author_theme_score where author_id in (" + in + ")",
                "select string_agg(author_id || '/' || p || '/' || o || '/' || n, ',' order by author_id, p, o) "
                        + "from author_score_pair where author_id in (" + in + ")",
                "select string_agg(author_id || '/' || theme_id || '/' || p || '/' || o || '/' || n, ',' order by author_id, theme_id, p, o) "
                        + "from author_theme_score_pair where author_id in (" + in + ")")) {
            rows.add(String.valueOf(ledger.scalar(sql)));
        }
        return rows;
    }
}
