package org.hindcast.forecasts;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ForecastResourceTests {

    @Inject
    Ledger ledger;

    @Inject
    ForecastService forecastService;

    String theme;
    String paper;

    @BeforeEach
    void paperWithTwoAuthors() {
        theme = Ledger.theme("China-South Korea relations");
        paper = Ledger.paper("2024-11-13", "Author One " + theme, "Author Two " + theme);
    }

    private Map<String, Object> forecast() {
        Map<String, Object> body = new HashMap<>();
        body.put("paper", paper);
        body.put("statement", "Xi Jinping visits South Korea for the APEC summit in November 2025.");
        body.put("quote", "Xi Jinping is expected to visit South Korea during the APEC in November 2025.");
        body.put("phrase", "is expected to");
        body.put("resolveBy", "2025-11-30");
        body.put("resolveByBasis", "STATED");
        body.put("resolutionCriteria", "Xi is in South Korea during the APEC leaders' week.");
        body.put("themes", List.of(theme));
        return body;
    }

    @Test
    void anEditorLogsAForecastWithItsProbabilityFromThePhraseTable() {
        long id = as("editor").body(forecast()).post("/api/forecasts").then().statusCode(201)
                .body("probability", equalTo(0.75f))
                .body("probabilityBasis", equalTo("PHRASE_TABLE"))
                .body("phraseTableVersion", equalTo("2026.1"))
                .body("madeOn", equalTo("2024-11-13"))
                .body("status", equalTo("PENDING"))
                .body("authors.size()", equalTo(2))
                .body("themes", contains(theme))
                .extract().jsonPath().getLong("id");
        assertEquals(0.75, ledger.scalar("select probability from forecast where id = ?", id));
        assertEquals(2L, ledger.scalar("select count(*) from forecast_author where forecast_id = ?", id));
        anonymous().get("/api/forecasts/" + id).then().statusCode(200)
                .body("quote", equalTo("Xi Jinping is expected to visit South Korea during the APEC in November 2025."))
                .body("paper.slug", equalTo(paper))
                .body("evidence.size()", equalTo(0))
                .body("resolutions.size()", equalTo(0));
    }

    @Test
    void aThirdPartysForecastIsKeptButScoresForNobody() {
        Map<String, Object> body = forecast();
        body.put("speaker", "THIRD_PARTY");
        body.put("thirdParty", "South Korean media");
        body.put("quote", "South Korean media argued that Xi could visit South Korea during the APEC in November 2025.");
        body.put("phrase", "could");
        long id = as("editor").body(body).post("/api/forecasts").then().statusCode(201)
                .body("speaker", equalTo("THIRD_PARTY")).body("authors.size()", equalTo(0))
                .extract().jsonPath().getLong("id");
        assertEquals(0L, ledger.scalar("select count(*) from forecast_author where forecast_id = ?", id));

        body.put("authors", List.of(anonymous().get("/api/sources/" + paper).jsonPath().getString("authors[0].slug")));
        var before = ledger.counts();
        as("editor").body(body).post("/api/forecasts").then().statusCode(400).body("errors.field", hasItem("authors"));
        assertEquals(before, ledger.counts());
    }

    @Test
    void aConditionalForecastKeepsItsCondition() {
        Map<String, Object> body = forecast();
        body.put("condition", "North Korea conducts an ICBM launch or a nuclear test");
        body.put("quote", "If North Korea conducts an ICBM launch or a nuclear test, the issue of China's responsibility could resurface.");
        body.put("phrase", "could");
        body.put("resolveBy", "2029-01-20");
        body.put("resolveByBasis", "INFERRED");
        body.put("resolveByNote", "Trump's second term ends 2029-01-20");
        as("editor").body(body).post("/api/forecasts").then().statusCode(201)
                .body("condition", equalTo("North Korea conducts an ICBM launch or a nuclear test"))
                .body("probability", equalTo(0.4f))
                .body("resolveByBasis", equalTo("INFERRED"));
    }

    @Test
    void everyKindOfBadFieldIsAnswered400AndNothingIsWritten() {
        var before = ledger.counts();
        List<Map.Entry<Map<String, Object>, String>> cases = new java.util.ArrayList<>();
        cases.add(bad("statement", null, "statement"));                      // missing
        cases.add(bad("quote", "q".repeat(4001), "quote"));                  // too long
        cases.add(bad("probability", 0, "probability"));                     // out of range, low
        cases.add(bad("probability", 1, "probability"));                     // out of range, high
        cases.add(bad("probability", 1.5, "probability"));                   // out of range
        cases.add(bad("resolveBy", "2024-02-30", "resolveBy"));              // wrong date
        cases.add(bad("resolveBy", "next year", "resolveBy"));               // not a date
        cases.add(bad("resolveBy", "2024-01-01", "resolveBy"));              // before made-on
        cases.add(bad("paper", "no-such-paper", "paper"));                 // unknown slug
        cases.add(bad("themes", List.of("no-such-theme"), "themes[0]"));     // unknown slug
        cases.add(bad("authors", List.of("no-such-author"), "authors[0]"));  // unknown slug
        cases.add(bad("phrase", "is destined to", "phrase"));                // not in the table
        cases.add(bad("resolveByBasis", "GUESSED", "resolveByBasis"));       // not an enumeration value
        cases.add(bad("resolveByBasis", "INFERRED", "resolveByNote"));       // inferred without saying how
        cases.add(bad("madeOn", LocalDate.now().plusDays(3).toString(), "madeOn"));
        for (var c : cases) {
            as("editor").body(c.getKey()).post("/api/forecasts").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(c.getValue()));
        }
        Map<String, Object> probabilityWithoutBasis = forecast();
        probabilityWithoutBasis.put("probability", 0.6);
        as("editor").body(probabilityWithoutBasis).post("/api/forecasts").then().statusCode(400)
                .body("errors.field", hasItem("probabilityBasis"));
        Map<String, Object> several = forecast();
        several.remove("statement");
        several.put("probability", 2);
        several.put("themes", List.of());
        as("editor").body(several).post("/api/forecasts").then().statusCode(400)
                .body("errors.field", hasItems("statement", "probability", "themes"));
        assertEquals(before, ledger.counts());
    }

    private Map.Entry<Map<String, Object>, String> bad(String field, Object value, String expectedField) {
        Map<String, Object> body = forecast();
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        if (field.equals("probability")) {
            body.put("probabilityBasis", "PRINTED");
        }
        return Map.entry(body, expectedField);
    }

    @Test
    void onlyEditorsLogForecasts() {
        var before = ledger.counts();
        anonymous().body(forecast()).post("/api/forecasts").then().statusCode(401);
        as("analyst").body(forecast()).post("/api/forecasts").then().statusCode(403);
        as("reviewer").body(forecast()).post("/api/forecasts").then().statusCode(403);
        as("admin").body(forecast()).post("/api/forecasts").then().statusCode(403);
        assertEquals(before, ledger.counts());
    }

    @Test
    void theListFiltersByAuthorThemeSourceStatusDatesAndOverdue() {
        String otherTheme = Ledger.theme("Taiwan");
        String otherPaper = Ledger.paper("2022-09", "Other Author " + otherTheme);
        long early = Ledger.forecast(paper, theme, 0.7, "2025-01-31", "editor");
        long late = Ledger.forecast(paper, theme, 0.3, "2029-01-20", "editor");
        long other = Ledger.forecast(otherPaper, otherTheme, 0.5, "2023-12-31", "editor");
        String author = anonymous().get("/api/sources/" + paper).jsonPath().getString("authors[0].slug");

        anonymous().queryParam("paper", paper).get("/api/forecasts").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", containsInAnyOrder((int) early, (int) late));
        anonymous().queryParam("author", author).get("/api/forecasts").then()
                .body("items.id", containsInAnyOrder((int) early, (int) late));
        anonymous().queryParam("theme", otherTheme).get("/api/forecasts").then()
                .body("items.id", contains((int) other));
        anonymous().queryParam("paper", paper).queryParam("resolveByFrom", "2026-01-01").get("/api/forecasts").then()
                .body("items.id", contains((int) late));
        anonymous().queryParam("paper", paper).queryParam("resolveByTo", "2025-06-30").get("/api/forecasts").then()
                .body("items.id", contains((int) early));
        anonymous().queryParam("paper", otherPaper).queryParam("madeFrom", "2022-09-01").queryParam("madeTo", "2022-09-30")
                .get("/api/forecasts").then().body("items.id", contains((int) other));
        anonymous().queryParam("paper", paper).queryParam("overdue", true).get("/api/forecasts").then()
                .body("items.id", contains((int) early)).body("items[0].overdue", equalTo(true));
        anonymous().queryParam("paper", paper).queryParam("status", "PENDING").queryParam("sort", "resolveBy")
                .get("/api/forecasts").then().body("items.id", contains((int) early, (int) late));
        anonymous().queryParam("paper", paper).queryParam("status", "TRUE").get("/api/forecasts").then()
                .body("total", equalTo(0));
        anonymous().queryParam("paper", paper).queryParam("size", 1).queryParam("page", 1).queryParam("sort", "id")
                .get("/api/forecasts").then().body("items.id", contains((int) late))
                .body("total", equalTo(2)).body("page", equalTo(1)).body("size", equalTo(1));

        anonymous().queryParam("size", 0).get("/api/forecasts").then().statusCode(400);
        anonymous().queryParam("size", 500).get("/api/forecasts").then().statusCode(400);
        anonymous().queryParam("status", "MAYBE").get("/api/forecasts").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        anonymous().queryParam("author", "no-such-author").get("/api/forecasts").then().statusCode(400)
                .body("errors.field", hasItem("author"));
        anonymous().queryParam("madeFrom", "2024-13-01").get("/api/forecasts").then().statusCode(400)
                .body("errors.field", hasItem("madeFrom"));
        anonymous().queryParam("overdue", "perhaps").get("/api/forecasts").then().statusCode(400)
                .body("errors.field", hasItem("overdue"));
    }

    @Test
    void aCorrectionRecordsWhoWhenWhyAndTheOldValue() {
        Map<String, Object> body = forecast();
        body.put("paper", Ledger.paper("2024-11", "Month Author " + theme)); // printed with its month only
        long id = as("editor").body(body).post("/api/forecasts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as("editor2").body(Map.of("version", 0, "reason", "The paper prints 'is expected to visit'; quote trimmed wrongly.",
                        "quote", "Xi Jinping is expected to visit South Korea during the APEC in November 2025!",
                        "probability", 0.8, "probabilityBasis", "EDITOR", "madeOn", "2024-11-12"))
                .post("/api/forecasts/" + id + "/corrections").then().statusCode(200)
                .body("probability", equalTo(0.8f))
                .body("probabilityBasis", equalTo("EDITOR"))
                .body("phraseTableVersion", nullValue())
                .body("madeOn", equalTo("2024-11-12"))
                .body("version", equalTo(1))
                .body("corrections.field", hasItems("quote", "probability", "probabilityBasis", "madeOn", "phraseTableVersion"))
                .body("corrections.find { it.field == 'probability' }.oldValue", equalTo("0.75"))
                .body("corrections.find { it.field == 'madeOn' }.oldValue", equalTo("2024-11-30")) // the month's last day
                .body("corrections[0].correctedBy", equalTo("editor2"));

        var before = ledger.counts();
        as("editor").body(Map.of("version", 0, "reason", "stale", "probability", 0.6, "probabilityBasis", "EDITOR"))
                .post("/api/forecasts/" + id + "/corrections").then().statusCode(409)
                .contentType("application/problem+json");
        as("editor").body(Map.of("version", 1, "probability", 0.6, "probabilityBasis", "EDITOR"))
                .post("/api/forecasts/" + id + "/corrections").then().statusCode(400).body("errors.field", hasItem("reason"));
        as("analyst").body(Map.of("version", 1, "reason", "x", "probability", 0.6, "probabilityBasis", "EDITOR"))
                .post("/api/forecasts/" + id + "/corrections").then().statusCode(403);
        assertEquals(before, ledger.counts());
        assertEquals(0.8, ledger.scalar("select probability from forecast where id = ?", id));
    }

    @Test
    void aForecastOfAPaperPrintedWithMonthOrYearOnlyIsMadeOnTheLastDayThePaperCouldHaveAppeared() {
        // The finding: KINU's "2024-03" paper reports the Two Sessions that closed on 2024-03-11, yet its forecasts
        // were dated 2024-03-01. Without a date of its own a forecast now takes the last day the printed date allows.
        String march = Ledger.paper("2024-03", "Month Author " + theme);
        long id = Ledger.forecast(march, theme, 0.6, "2026-03-31", "editor");
        assertEquals("2024-03-31", anonymous().get("/api/forecasts/" + id).jsonPath().getString("madeOn"));
        String year = Ledger.paper("2023", "Year Author " + theme);
        long inYear = Ledger.forecast(year, theme, 0.6, "2026-03-31", "editor");
        assertEquals("2023-12-31", anonymous().get("/api/forecasts/" + inYear).jsonPath().getString("madeOn"));
        // A paper of this month has not reached its last day: its forecasts are made today, never in the future.
        String now = Ledger.paper(java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString(), "Current Author " + theme);
        long current = Ledger.forecast(now, theme, 0.6, "2030-01-01", "editor");
        assertEquals(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(),
                anonymous().get("/api/forecasts/" + current).jsonPath().getString("madeOn"));
    }

    @Test
    void aForecastAgreesWithItsPaperItsQuoteAndItsEvidence() {
        var before = ledger.counts();
        Map<String, Object> early = forecast();
        early.put("madeOn", "2020-01-01"); // the finding: made-on 2020-01-01 for a paper published years later
        as("editor").body(early).post("/api/forecasts").then().statusCode(400).body("errors.field", hasItem("madeOn"))
                .body("errors.find { it.field == 'madeOn' }.message", equalTo("must be the paper's date, 2024-11-13"));
        Map<String, Object> wrongPhrase = forecast();
        wrongPhrase.put("phrase", "almost certainly"); // the finding: "almost certainly" for "Seoul may join the Quad."
        wrongPhrase.put("quote", "Seoul may join the Quad.");
        as("editor").body(wrongPhrase).post("/api/forecasts").then().statusCode(400).body("errors.field", hasItem("phrase"));
        assertEquals(before, ledger.counts());

        long id = as("editor").body(forecast()).post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");
        before = ledger.counts();
        as("analyst").body(Map.of("summary", "Seen before the paper.", "observedOn", "2024-11-01", "citationUrl", "https://example.org/a",
                "stance", "SUPPORTS")).post("/api/forecasts/" + id + "/evidence").then().statusCode(400)
                .body("errors[0].field", equalTo("observedOn"));
        String older = Ledger.paper("2023-05-01", "Older Author " + theme);
        as("analyst").body(Map.of("summary", "An older paper.", "observedOn", "2024-12-01", "citedPaper", older,
                "stance", "SUPPORTS")).post("/api/forecasts/" + id + "/evidence").then().statusCode(400)
                .body("errors[0].field", equalTo("citedPaper"));
        as("editor2").body(Map.of("version", 0, "reason", "Try a phrase the quote lacks.", "phrase", "likely"))
                .post("/api/forecasts/" + id + "/corrections").then().statusCode(400).body("errors.field", hasItem("phrase"));
        assertEquals(before.get("evidence"), ledger.counts().get("evidence"));
        assertEquals(before.get("forecast_correction"), ledger.counts().get("forecast_correction"));
    }

    @Test
    void afterItsVerdictAForecastChangesOnlyWithASecondPerson() {
        long id = as("editor").body(forecast()).post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");
        as("reviewer").body(Map.of("forecastVersion", 0, "outcome", "TRUE", "resolvedOn", "2025-11-20", "rationale", "Xi came."))
                .post("/api/forecasts/" + id + "/resolutions").then().statusCode(201);
        anonymous().get("/api/forecasts/" + id).then().body("brier", equalTo(0.0625f)).body("correctedAfterVerdict", equalTo(false))
                .body("resolutions[0].early", equalTo(true)); // resolved 2025-11-20, resolve by 2025-11-30: allowed, and marked
        var before = ledger.counts();

        // the finding: one editor lowered a resolved 75% to 10% and the Brier went from 0.563 (had it failed) to 0.010
        int proposal = as("editor2").body(Map.of("version", 1, "reason", "The paper hedges more than we read.", "probability", 0.1,
                        "probabilityBasis", "EDITOR")).post("/api/forecasts/" + id + "/corrections").then().statusCode(202)
                .body("status", equalTo("PENDING")).body("changes.probability", equalTo(0.1f))
                .extract().jsonPath().getInt("id");
        anonymous().get("/api/forecasts/" + id).then().body("probability", equalTo(0.75f)).body("brier", equalTo(0.0625f))
                .body("proposals[0].status", equalTo("PENDING"));
        assertEquals(before.get("forecast_correction"), ledger.counts().get("forecast_correction"), "nothing applied yet");
        // one person cannot do it alone, whichever door
        as("editor2").post("/api/forecasts/" + id + "/correction-proposals/" + proposal + "/approve").then().statusCode(403);
        as("editor2").body(Map.of("version", 1, "reason", "Straight in.", "resolveBy", "2025-12-31"))
                .post("/api/forecasts/" + id + "/corrections").then().statusCode(202);
        as("analyst").post("/api/forecasts/" + id + "/correction-proposals/" + proposal + "/approve").then().statusCode(403);

        // a second staff member approves: applied, both names and both values kept, and the page's flag set
        as("reviewer").post("/api/forecasts/" + id + "/correction-proposals/" + proposal + "/approve").then().statusCode(200)
                .body("probability", equalTo(0.1f))
                .body("correctedAfterVerdict", equalTo(true))
                .body("corrections.find { it.field == 'probability' }.oldValue", equalTo("0.75"))
                .body("corrections.find { it.field == 'probability' }.correctedBy", equalTo("editor2"))
                .body("corrections.find { it.field == 'probability' }.approvedBy", equalTo("reviewer"));
        as("reviewer").post("/api/forecasts/" + id + "/correction-proposals/" + proposal + "/approve").then().statusCode(409);
        // the other proposal was made on the old version: it can no longer be applied as it stands
        int stale = proposal + 1;
        as("editor").post("/api/forecasts/" + id + "/correction-proposals/" + stale + "/approve").then().statusCode(409);
        as("editor").body(Map.of("note", "Superseded.")).post("/api/forecasts/" + id + "/correction-proposals/" + stale + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("decidedBy", equalTo("editor"));
        // what is not settled by the verdict (the quote's wording, say) is still corrected at once
        as("editor2").body(Map.of("version", 2, "reason", "Typo in the quote.",
                        "quote", "Xi Jinping is expected to visit South Korea during the APEC in November 2025 .")).post("/api/forecasts/" + id + "/corrections")
                .then().statusCode(200);
        // and the importer, one person, is refused such a change outright
        assertEquals(409, org.junit.jupiter.api.Assertions.assertThrows(org.hindcast.problems.ApiException.class, () ->
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> forecastService.correct("admin", id,
                        new ForecastInput.Correction(3L, "From a file.", null, null, null, null, null, null, 0.2,
                                org.hindcast.forecasts.ProbabilityBasis.EDITOR, null, null, null, null, null, null, null, null))))
                .status());
    }

    @Test
    void theSameQuoteIsLoggedOnceUnlessTheSentenceHoldsASecondForecast() {
        long first = as("editor").body(forecast()).post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");
        var before = ledger.counts();
        // the finding: the same quote logged by hand and again by accepting the candidate, both scored
        Map<String, Object> again = forecast();
        again.put("statement", "Xi Jinping attends the APEC summit in South Korea.");
        as("editor2").body(again).post("/api/forecasts").then().statusCode(409)
                .body("errors[0].field", equalTo("quote"))
                .body("detail", org.hamcrest.Matchers.containsString("/forecasts/" + first));
        Map<String, Object> wrongFirst = new HashMap<>(again);
        wrongFirst.put("sameQuoteAs", 999999999);
        as("editor2").body(wrongFirst).post("/api/forecasts").then().statusCode(400).body("errors[0].field", equalTo("sameQuoteAs"));
        Map<String, Object> sameStatement = forecast();
        sameStatement.put("sameQuoteAs", first);
        as("editor2").body(sameStatement).post("/api/forecasts").then().statusCode(409);
        assertEquals(before, ledger.counts());
        // a sentence with two claims: the second says which forecast it shares the quote with
        Map<String, Object> second = new HashMap<>(again);
        second.put("sameQuoteAs", first);
        as("editor2").body(second).post("/api/forecasts").then().statusCode(201).body("sameQuoteAs", equalTo((int) first));
    }

    @Test
    void aWithdrawnForecastStaysWithItsHistoryScoredForNobodyAndAfterItsVerdictNeedsASecondPerson() {
        String author = anonymous().get("/api/sources/" + paper).jsonPath().getString("authors[0].slug");
        int scoredBefore = anonymous().get("/api/authors/" + author + "/track-record").jsonPath().getInt("scored");
        // before a verdict, one editor withdraws (a duplicate, a mistake), with a reason
        Map<String, Object> body = forecast();
        body.put("quote", "Xi Jinping is expected to visit South Korea during the APEC in November 2025, the paper says.");
        long pending = as("editor").body(body).post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");
        as("editor2").body(Map.of("version", 0, "reason", " ")).post("/api/forecasts/" + pending + "/withdrawal").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        as("editor2").body(Map.of("version", 0, "reason", "Logged twice.")).post("/api/forecasts/" + pending + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("withdrawal.reason", equalTo("Logged twice.")).body("withdrawal.statusBefore", equalTo("PENDING"));
        as("reviewer").body(Map.of("forecastVersion", 1, "outcome", "TRUE", "resolvedOn", "2025-11-20", "rationale", "x"))
                .post("/api/forecasts/" + pending + "/resolutions").then().statusCode(409);
        as("editor").body(Map.of("version", 1, "reason", "x", "statement", "Y")).post("/api/forecasts/" + pending + "/corrections")
                .then().statusCode(409);
        anonymous().get("/api/forecasts/" + pending).then().statusCode(200); // never a deletion

        // after a verdict: proposed by one, applied when another approves; the verdict stays in the history
        long resolved = as("editor").body(forecast()).post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");
        as("reviewer").body(Map.of("forecastVersion", 0, "outcome", "TRUE", "resolvedOn", "2025-11-20", "rationale", "Xi came."))
                .post("/api/forecasts/" + resolved + "/resolutions").then().statusCode(201);
        assertEquals(scoredBefore + 1, anonymous().get("/api/authors/" + author + "/track-record").jsonPath().getInt("scored"));
        int proposal = as("editor2").body(Map.of("version", 1, "reason", "A mistake: the paper hedges this away."))
                .post("/api/forecasts/" + resolved + "/withdrawal").then().statusCode(202).body("kind", equalTo("WITHDRAWAL"))
                .extract().jsonPath().getInt("id");
        anonymous().get("/api/forecasts/" + resolved).then().body("status", equalTo("TRUE"));
        as("editor2").post("/api/forecasts/" + resolved + "/correction-proposals/" + proposal + "/approve").then().statusCode(403);
        as("reviewer2").post("/api/forecasts/" + resolved + "/correction-proposals/" + proposal + "/approve").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("brier", nullValue())
                .body("withdrawal.statusBefore", equalTo("TRUE")).body("withdrawal.withdrawnBy", equalTo("editor2"))
                .body("withdrawal.approvedBy", equalTo("reviewer2"))
                .body("resolutions[0].outcome", equalTo("TRUE"));
        assertEquals(scoredBefore, anonymous().get("/api/authors/" + author + "/track-record").jsonPath().getInt("scored"),
                "scored for nobody");
    }

    @Test
    void anUnknownForecastIsNotFound() {
        anonymous().get("/api/forecasts/999999999").then().statusCode(404).contentType("application/problem+json");
    }
}
