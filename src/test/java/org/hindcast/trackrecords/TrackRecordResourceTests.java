package org.hindcast.trackrecords;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hindcast.testing.Ledger;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.equalTo;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds a ledger of dozens of forecasts through the API (three authors, co-authored papers, a theme
 * tree, third-party forecasts, partial credit, annulled, ambiguous and pending ones) and checks every
 * figure of the track records against values computed here, from the definitions, independently of the
 * service's scorer.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackRecordResourceTests {

    private static final double EPS = 1e-9;

    /** A forecast of the test ledger and what became of it. */
    record Case(long id, String paper, double p, String outcome, Double credit, boolean thirdParty,
                List<String> themes, LocalDate madeOn, LocalDate resolveBy) {
        boolean scored() {
            return !thirdParty && (outcome.equals("TRUE") || outcome.equals("FALSE") || outcome.equals("PARTIAL"));
        }

        double o() {
            return outcome.equals("TRUE") ? 1 : outcome.equals("FALSE") ? 0 : credit;
        }
    }

    String peninsula;
    String northKorea;
    String trade;
    String p1;   // authors A and B, 2024-11-13
    String p2;   // author A, 2024-12-05
    String p3;   // author C, 2022-09
    String a;
    String b;
    String c;
    final List<Case> cases = new ArrayList<>();

    /** The response as JSON, numbers as doubles (RestAssured's default is float). */
    private static JsonPath json(io.restassured.response.Response response) {
        return new JsonPath(response.asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** Built once for the class (Quarkus sets RestAssured's port per test, so not in @BeforeAll). */
    @BeforeEach
    void aLedgerOfDozensOfForecasts() {
        if (!cases.isEmpty()) {
            return;
        }
        String tag = Ledger.unique("tr");
        peninsula = Ledger.theme("Korean peninsula security " + tag);
        northKorea = Ledger.unique("nk");
        as("editor").body(Map.of("slug", northKorea, "name", "China-North Korea " + tag, "parent", peninsula))
                .post("/api/themes").then().statusCode(201);
        trade = Ledger.theme("US-China trade " + tag);
        p1 = Ledger.paper("2024-11-13", "Alpha Author " + tag, "Beta Author " + tag);
        p2 = Ledger.paper("2024-12-05", "Author Alpha " + tag);
        p3 = Ledger.paper("2022-09", "Gamma Author " + tag);
        a = anonymous().get("/api/sources/" + p1).jsonPath().getString("authors[0].slug");
        b = anonymous().get("/api/sources/" + p1).jsonPath().getString("authors[1].slug");
        c = anonymous().get("/api/sources/" + p3).jsonPath().getString("authors[0].slug");
        assertEquals(a, anonymous().get("/api/sources/" + p2).jsonPath().getString("authors[0].slug"), "one author A");

        double[] ps = {0.75, 0.7, 0.25, 0.85, 0.4, 0.65, 0.1, 0.5, 0.97, 0.35, 0.3, 0.6, 0.45, 0.2, 0.8};
        String[] outcomes = {"TRUE", "FALSE", "FALSE", "TRUE", "TRUE", "PARTIAL", "FALSE", "TRUE", "TRUE", "ANNULLED",
                "FALSE", "AMBIGUOUS", "PARTIAL", "FALSE", "PENDING"};
        for (int i = 0; i < 36; i++) {
            String paper = i % 3 == 0 ? p1 : i % 3 == 1 ? p2 : p3;
            double p = ps[i % ps.length];
            String outcome = outcomes[(i * 7) % outcomes.length];
            Double credit = outcome.equals("PARTIAL") ? (i % 2 == 0 ? 0.5 : 0.25) : null;
            boolean thirdParty = paper.equals(p1) && i % 9 == 0;
            List<String> themes = switch (i % 4) {
                case 0 -> List.of(northKorea);
                case 1 -> List.of(peninsula, trade);
                case 2 -> List.of(trade);
                default -> List.of(northKorea, trade);
            };
            LocalDate madeOn = LocalDate.parse(paper.equals(p1) ? "2024-11-13" : paper.equals(p2) ? "2024-12-05" : "2022-09-01");
            LocalDate resolveBy = madeOn.plusMonths(i % 5 == 0 ? 3 : i % 5 == 1 ? 12 : i % 5 == 2 ? 30 : 18);
            if (outcome.equals("PENDING") && i % 2 == 1) {
                resolveBy = LocalDate.now().plusYears(2);
            }
            Map<String, Object> body = new HashMap<>();
            body.put("paper", paper);
            body.put("statement", "Forecast " + i + " of " + tag);
            body.put("quote", "Quote " + i);
            body.put("probability", p);
            body.put("probabilityBasis", "EDITOR");
            body.put("resolveBy", resolveBy.toString());
            body.put("resolveByBasis", "STATED");
            body.put("themes", themes);
            if (thirdParty) {
                body.put("speaker", "THIRD_PARTY");
                body.put("thirdParty", "observers");
            }
            long id = as("editor").body(body).post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");
            if (!outcome.equals("PENDING")) {
                resolve(id, 0, outcome, credit, null);
            }
            cases.add(new Case(id, paper, p, outcome, credit, thirdParty, themes, madeOn, resolveBy));
        }
    }

    private static void resolve(long id, long version, String outcome, Double credit, String reason) {
        Map<String, Object> v = new HashMap<>();
        v.put("forecastVersion", version);
        v.put("outcome", outcome);
        v.put("resolvedOn", LocalDate.now().minusDays(1).toString());
        v.put("rationale", "Test verdict");
        if (credit != null) {
            v.put("credit", credit);
        }
        if (reason != null) {
            v.put("reason", reason);
        }
        as("reviewer").body(v).post("/api/forecasts/" + id + "/resolutions").then().statusCode(201);
    }

    private List<Case> of(Predicate<Case> in) {
        return cases.stream().filter(in).toList();
    }

    private boolean byA(Case k) {
        return !k.thirdParty() && (k.paper().equals(p1) || k.paper().equals(p2));
    }

    private boolean inTheme(Case k, String theme) {
        return k.themes().contains(theme) || (theme.equals(peninsula) && k.themes().contains(northKorea));
    }

    /** Checks a track record's figures against the definitions of scoring.md, computed here. */
    private static void assertFigures(JsonPath json, String prefix, List<Case> set) {
        List<Case> scored = set.stream().filter(Case::scored).toList();
        int n = scored.size();
        assertEquals(n, json.getInt(prefix + "scored"));
        if (n == 0) {
            assertNull(json.get(prefix + "brier"));
            assertEquals(0.25, json.getDouble(prefix + "shrunkBrier"), EPS);
            return;
        }
        double bs = scored.stream().mapToDouble(k -> (k.p() - k.o()) * (k.p() - k.o())).sum() / n;
        double logLoss = -scored.stream().mapToDouble(k -> k.o() * Math.log(k.p()) + (1 - k.o()) * Math.log(1 - k.p())).sum() / n;
        double baseline = scored.stream().mapToDouble(k ->
                100 * (k.o() * Math.log(k.p()) / Math.log(2) + (1 - k.o()) * Math.log(1 - k.p()) / Math.log(2) + 1)).sum() / n;
        double base = scored.stream().mapToDouble(Case::o).sum() / n;
        double right = scored.stream().mapToDouble(k -> k.p() == 0.5 ? 0.5
                : (k.p() > 0.5 && k.o() == 1) || (k.p() < 0.5 && k.o() == 0) ? 1 : 0).sum() / n;
        assertEquals(bs, json.getDouble(prefix + "brier"), EPS, prefix + "brier");
        assertEquals(logLoss, json.getDouble(prefix + "logLoss"), EPS, prefix + "logLoss");
        assertEquals(baseline, json.getDouble(prefix + "baselineScore"), EPS);
        assertEquals(base, json.getDouble(prefix + "baseRate"), EPS);
        assertEquals(1 - bs / 0.25, json.getDouble(prefix + "bss50"), EPS);
        if (base == 0 || base == 1) {
            assertNull(json.get(prefix + "bssBase"), "BSS_base is undefined when the base rate is 0 or 1");
        } else {
            assertEquals(1 - bs / (base * (1 - base)), json.getDouble(prefix + "bssBase"), EPS);
        }
        assertEquals(right, json.getDouble(prefix + "rightSide"), EPS);
        assertEquals((n * bs + 10 * 0.25) / (n + 10), json.getDouble(prefix + "shrunkBrier"), EPS);
        var trues = scored.stream().filter(k -> k.o() == 1).mapToDouble(Case::p).average();
        var falses = scored.stream().filter(k -> k.o() == 0).mapToDouble(Case::p).average();
        if (trues.isPresent() && falses.isPresent()) {
            assertEquals(trues.getAsDouble() - falses.getAsDouble(), json.getDouble(prefix + "discrimination"), EPS);
        } else {
            assertNull(json.get(prefix + "discrimination"));
        }
        double ss = scored.stream().mapToDouble(k -> Math.pow((k.p() - k.o()) * (k.p() - k.o()) - bs, 2)).sum();
        if (n > 1) {
            assertEquals(Math.sqrt(ss / (n - 1)) / Math.sqrt(n), json.getDouble(prefix + "brierStdError"), EPS);
        } else {
            assertNull(json.get(prefix + "brierStdError"));
        }
        double low = json.getDouble(prefix + "brierInterval.low");
        double high = json.getDouble(prefix + "brierInterval.high");
        assertTrue(low <= bs && bs <= high, "the bootstrap interval holds the Brier");

        // calibration and decomposition
        double rel = 0;
        double res = 0;
        int bins = 0;
        for (int kbin = 0; kbin < 10; kbin++) {
            int bin = kbin;
            List<Case> in = scored.stream().filter(k -> Math.min(9, (int) Math.floor(Math.round(k.p() * 1000) / 100.0)) == bin).toList();
            if (in.isEmpty()) {
                continue;
            }
            String bp = prefix + "calibration[" + bins + "].";
            double f = in.stream().mapToDouble(Case::p).average().getAsDouble();
            double o = in.stream().mapToDouble(Case::o).average().getAsDouble();
            assertEquals(bin / 10.0, json.getDouble(bp + "binLow"), EPS);
            assertEquals(in.size(), json.getInt(bp + "n"));
            assertEquals(f, json.getDouble(bp + "meanForecast"), EPS);
            assertEquals(o, json.getDouble(bp + "observed"), EPS);
            double z = 1.959964;
            double m = in.size();
            double centre = (o + z * z / (2 * m)) / (1 + z * z / m);
            double half = z * Math.sqrt(o * (1 - o) / m + z * z / (4 * m * m)) / (1 + z * z / m);
            assertEquals(centre - half, json.getDouble(bp + "low"), EPS);
            assertEquals(centre + half, json.getDouble(bp + "high"), EPS);
            rel += m * (f - o) * (f - o);
            res += m * (o - base) * (o - base);
            bins++;
        }
        assertEquals(bins, json.getList(prefix + "calibration").size());
        assertEquals(rel / n, json.getDouble(prefix + "decomposition.reliability"), EPS);
        assertEquals(res / n, json.getDouble(prefix + "decomposition.resolution"), EPS);
        assertEquals(base * (1 - base), json.getDouble(prefix + "decomposition.uncertainty"), EPS);
        assertEquals(bs - (rel / n - res / n + base * (1 - base)), json.getDouble(prefix + "decomposition.remainder"), EPS);

        LocalDate today = LocalDate.now();
        assertEquals(set.stream().filter(k -> !k.thirdParty() && k.outcome().equals("PENDING")).count(), json.getLong(prefix + "pending"));
        assertEquals(set.stream().filter(k -> !k.thirdParty() && k.outcome().equals("PENDING") && k.resolveBy().isBefore(today)).count(),
                json.getLong(prefix + "overdue"));
        assertEquals(set.stream().filter(k -> !k.thirdParty() && k.outcome().equals("ANNULLED")).count(), json.getLong(prefix + "annulled"));
        assertEquals(set.stream().filter(k -> !k.thirdParty() && k.outcome().equals("AMBIGUOUS")).count(), json.getLong(prefix + "ambiguous"));
    }

    @Test
    void anAuthorsTrackRecordMatchesTheDefinitionsIncludingCoAuthoredPapers() {
        var jsonResponse = anonymous().get("/api/authors/" + a + "/track-record").then().statusCode(200)
                .body("scope.kind", equalTo("author"))
                .body("scoringVersion", equalTo("scoring-2026.2"))
                .body("phraseTableVersion", equalTo("2026.1"))
                .extract().response();
        JsonPath json = json(jsonResponse);
        assertFigures(json, "", of(this::byA));
        assertEquals(of(k -> k.thirdParty() && k.paper().equals(p1)).size(), json.getInt("attributedToOthers"));
        assertTrue(json.getInt("attributedToOthers") > 0);

        var bJsonResponse = anonymous().get("/api/authors/" + b + "/track-record").then().statusCode(200).extract().response();
        JsonPath bJson = json(bJsonResponse);
        assertFigures(bJson, "", of(k -> !k.thirdParty() && k.paper().equals(p1)));
    }

    @Test
    void anAuthorsRecordBreaksDownByThemeWithSubThemesAndByHorizon() {
        var jsonResponse = anonymous().get("/api/authors/" + a + "/track-record").then().statusCode(200).extract().response();
        JsonPath json = json(jsonResponse);
        List<Map<String, Object>> themes = json.getList("byTheme");
        for (String theme : List.of(peninsula, northKorea, trade)) {
            int index = -1;
            for (int i = 0; i < themes.size(); i++) {
                if (theme.equals(themes.get(i).get("key"))) {
                    index = i;
                }
            }
            assertTrue(index >= 0, "theme " + theme + " in the breakdown");
            assertFigures(json, "byTheme[" + index + "].", of(k -> byA(k) && inTheme(k, theme)));
        }
        List<String> horizons = json.getList("byHorizon.key");
        assertEquals(List.of("UNDER_6_MONTHS", "FROM_6_TO_18_MONTHS", "OVER_18_MONTHS"), horizons);
        assertFigures(json, "byHorizon[0].", of(k -> byA(k) && k.resolveBy().isBefore(k.madeOn().plusMonths(6))));
        assertFigures(json, "byHorizon[1].", of(k -> byA(k) && !k.resolveBy().isBefore(k.madeOn().plusMonths(6))
                && !k.resolveBy().isAfter(k.madeOn().plusMonths(18))));
        assertFigures(json, "byHorizon[2].", of(k -> byA(k) && k.resolveBy().isAfter(k.madeOn().plusMonths(18))));
    }

    @Test
    void aThemesTrackRecordCountsEachForecastOnceAndBreaksDownByAuthor() {
        var jsonResponse = anonymous().get("/api/themes/" + peninsula + "/track-record").then().statusCode(200)
                .body("scope.kind", equalTo("theme")).extract().response();
        JsonPath json = json(jsonResponse);
        assertFigures(json, "", of(k -> !k.thirdParty() && inTheme(k, peninsula)));
        assertEquals(of(k -> k.thirdParty() && inTheme(k, peninsula)).size(), json.getInt("attributedToOthers"));
        List<String> authors = json.getList("byAuthor.key");
        assertEquals(3, authors.size());
        int ia = authors.indexOf(a);
        int ic = authors.indexOf(c);
        assertFigures(json, "byAuthor[" + ia + "].", of(k -> byA(k) && inTheme(k, peninsula)));
        assertFigures(json, "byAuthor[" + ic + "].", of(k -> !k.thirdParty() && k.paper().equals(p3) && inTheme(k, peninsula)));
    }

    @Test
    void aPapersTrackRecordHoldsItsAuthorsOwnForecasts() {
        var jsonResponse = anonymous().get("/api/sources/" + p1 + "/track-record").then().statusCode(200).extract().response();
        JsonPath json = json(jsonResponse);
        assertFigures(json, "", of(k -> !k.thirdParty() && k.paper().equals(p1)));
        assertEquals(of(k -> k.thirdParty() && k.paper().equals(p1)).size(), json.getInt("attributedToOthers"));
    }

    @Test
    void theLeaderboardRanksByShrunkBrierWithNAndTheInterval() {
        var jsonResponse = anonymous().queryParam("theme", peninsula).queryParam("size", 200).get("/api/leaderboard")
                .then().statusCode(200).body("shrinkage", equalTo(10.0f)).extract().response();
        JsonPath json = json(jsonResponse);
        List<String> slugs = json.getList("entries.slug");
        assertEquals(3, slugs.size(), "only our three authors wrote on this theme");
        List<Double> shrunk = json.getList("entries.shrunkBrier");
        for (int i = 1; i < shrunk.size(); i++) {
            assertTrue(shrunk.get(i - 1) <= shrunk.get(i), "ranked by shrunk Brier");
        }
        int ia = slugs.indexOf(a);
        List<Case> set = of(k -> byA(k) && inTheme(k, peninsula) && k.scored());
        double bs = set.stream().mapToDouble(k -> (k.p() - k.o()) * (k.p() - k.o())).sum() / set.size();
        assertEquals(set.size(), json.getInt("entries[" + ia + "].scored"));
        assertEquals(bs, json.getDouble("entries[" + ia + "].brier"), EPS);
        assertEquals((set.size() * bs + 2.5) / (set.size() + 10), json.getDouble("entries[" + ia + "].shrunkBrier"), EPS);
        JsonPath record = json(anonymous().get("/api/authors/" + a + "/track-record"));
        int themeIndex = record.getList("byTheme.key").indexOf(peninsula);
        assertEquals(record.getDouble("byTheme[" + themeIndex + "].brierInterval.low"),
                json.getDouble("entries[" + ia + "].brierInterval.low"), EPS, "the same bootstrap interval as the record");
        assertEquals(ia + 1, json.getInt("entries[" + ia + "].rank"));

        int many = set.size();
        anonymous().queryParam("theme", peninsula).queryParam("minScored", many).get("/api/leaderboard").then()
                .body("entries.slug", org.hamcrest.Matchers.hasItem(a))
                .body("entries.scored.every { it >= " + many + " }", equalTo(true));
        anonymous().queryParam("theme", "no-such-theme").get("/api/leaderboard").then().statusCode(404);
        anonymous().queryParam("minScored", 0).get("/api/leaderboard").then().statusCode(400);
    }

    @Test
    void aReResolutionOrCorrectionShowsAtOnceInRecordsAndLeaderboards() {
        Case target = cases.stream().filter(k -> byA(k) && k.outcome().equals("TRUE") && k.themes().contains(trade)).findFirst().orElseThrow();
        double before = json(anonymous().get("/api/authors/" + a + "/track-record")).getDouble("brier");

        resolve(target.id(), 1, "FALSE", null, "A later report contradicts the first");
        cases.set(cases.indexOf(target), new Case(target.id(), target.paper(), target.p(), "FALSE", null, false,
                target.themes(), target.madeOn(), target.resolveBy()));
        JsonPath after = json(anonymous().get("/api/authors/" + a + "/track-record").andReturn());
        assertFigures(after, "", of(this::byA));
        assertTrue(after.getDouble("brier") > before);
        JsonPath board = json(anonymous().queryParam("theme", trade).queryParam("size", 200).get("/api/leaderboard").andReturn());
        int ia = board.getList("entries.slug").indexOf(a);
        List<Case> tradeSet = of(k -> byA(k) && inTheme(k, trade) && k.scored());
        assertEquals(tradeSet.stream().mapToDouble(k -> (k.p() - k.o()) * (k.p() - k.o())).sum() / tradeSet.size(),
                board.getDouble("entries[" + ia + "].brier"), EPS);

        // after the verdict, a second person: proposed by one editor, applied when another approves
        int proposal = as("editor").body(Map.of("version", 2, "reason", "The paper prints 90%", "probability", 0.1,
                "probabilityBasis", "PRINTED")).post("/api/forecasts/" + target.id() + "/corrections").then().statusCode(202)
                .extract().jsonPath().getInt("id");
        assertFigures(json(anonymous().get("/api/authors/" + a + "/track-record")), "", of(this::byA)); // a proposal changes no score
        as("editor2").post("/api/forecasts/" + target.id() + "/correction-proposals/" + proposal + "/approve").then().statusCode(200);
        cases.set(cases.indexOf(cases.stream().filter(k -> k.id() == target.id()).findFirst().orElseThrow()),
                new Case(target.id(), target.paper(), 0.1, "FALSE", null, false, target.themes(), target.madeOn(), target.resolveBy()));
        assertFigures(json(anonymous().get("/api/authors/" + a + "/track-record")), "", of(this::byA));
        JsonPath board2 = json(anonymous().queryParam("theme", trade).queryParam("size", 200).get("/api/leaderboard").andReturn());
        assertEquals(tradeSet.size(), board2.getInt("entries[" + board2.getList("entries.slug").indexOf(a) + "].scored"));
        List<Case> tradeSet2 = of(k -> byA(k) && inTheme(k, trade) && k.scored());
        assertEquals(tradeSet2.stream().mapToDouble(k -> (k.p() - k.o()) * (k.p() - k.o())).sum() / tradeSet2.size(),
                board2.getDouble("entries[" + board2.getList("entries.slug").indexOf(a) + "].brier"), EPS);
    }

    @Test
    void anAuthorWithNothingResolvedHasCountsButNoScores() {
        String paper = Ledger.paper("2025-01-01", "Fresh Author " + Ledger.unique("f"));
        String fresh = anonymous().get("/api/sources/" + paper).jsonPath().getString("authors[0].slug");
        Ledger.forecast(paper, trade, 0.6, "2026-01-01", "editor");
        JsonPath json = json(anonymous().get("/api/authors/" + fresh + "/track-record").then().statusCode(200).extract().response());
        assertEquals(0, json.getInt("scored"));
        assertNull(json.get("brier"));
        assertEquals(1, json.getInt("pending"));
        assertEquals(1, json.getInt("overdue"));
        assertNotNull(json.get("shrunkBrier"));
        anonymous().get("/api/authors/no-such-author/track-record").then().statusCode(404);
    }
}
