package org.hindcast.extraction;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ExtractionResourceTests {

    @Inject
    Ledger ledger;

    @Inject
    CandidateCache cache;

    private static final String TEXT = """
            Outlook on U.S.-China Relations

            Xi Jinping is expected to visit South Korea during the APEC in November 2025. South Korea should
            host a summit on the sidelines. If North Korea conducts an ICBM launch, the issue of China's
            responsibility could resurface. China is unlikely to abandon North Korea in Trump's second term.

            Pessimists caution that Seoul and Beijing will drift apart. Did China win? In May 2024 the
            summit was held.
            """;

    @org.junit.jupiter.api.BeforeEach
    void theCorpusThemesExist() {
        as("admin").post("/api/admin/corpus/import").then().statusCode(200);
    }

    private String paperWithText() {
        String paper = Ledger.paper("2024-11-13", "Extraction Author " + Ledger.unique("x"));
        as("editor").contentType("text/plain").body(TEXT).post("/api/sources/" + paper + "/text").then().statusCode(200);
        return paper;
    }

    @Test
    void attachingATextProposesItsForecastsWithPhrasesDatesAndFlags() {
        String paper = paperWithText();
        JsonPath json = anonymous().get("/api/sources/" + paper + "/candidates").then().statusCode(200)
                .body("rulesVersion", equalTo(org.hindcast.extraction.ExtractionRules.DEFAULT_VERSION)).extract().jsonPath();
        List<String> sentences = json.getList("candidates.sentence");
        assertEquals(4, sentences.size(), sentences.toString());
        assertEquals("is expected to", json.getString("candidates[0].tablePhrase"));
        assertEquals(0.75, json.getDouble("candidates[0].probability"), 1e-9);
        assertEquals("2025-11-30", json.getString("candidates[0].resolveBy"));
        assertEquals("STATED", json.getString("candidates[0].resolveByBasis"));
        assertTrue(json.getList("candidates[0].themes").contains("china-south-korea-relations"));
        assertTrue(json.getBoolean("candidates[1].conditional"));
        assertEquals("North Korea conducts an ICBM launch", json.getString("candidates[1].condition"));
        assertTrue(json.getBoolean("candidates[2].negated"), "unlikely: the complement side");
        assertEquals("2029-01-20", json.getString("candidates[2].resolveBy"));
        assertEquals("INFERRED", json.getString("candidates[2].resolveByBasis"));
        assertTrue(json.getBoolean("candidates[3].attributed"));
        assertEquals("Pessimists", json.getString("candidates[3].attributedTo"));
        // the offsets point into the text
        int start = json.getInt("candidates[0].start");
        int end = json.getInt("candidates[0].end");
        assertEquals("Xi Jinping is expected to visit South Korea during the APEC in November 2025.", TEXT.substring(start, end));
    }

    @Test
    void aCandidateWhoseWordingNoPhraseOfTheTableCarriesIsAcceptedAtTheEditorsReading() {
        // The corpus's second pass: "risks weakening", "expressed hopes for" and the like were missed (rules 2026.3).
        String paper = Ledger.paper("2024-11-13", "Cue Author " + Ledger.unique("x"));
        String text = "The dispute over the port deal risks weakening the alliance's cooperation on export controls.";
        as("editor").contentType("text/plain").body(text).post("/api/sources/" + paper + "/text").then().statusCode(200);
        JsonPath open = anonymous().get("/api/sources/" + paper + "/candidates").jsonPath();
        assertEquals(1, open.getList("candidates").size());
        assertTrue(open.getString("candidates[0].editorsReading").contains("could"));
        assertEquals("risks weakening", open.getString("candidates[0].phrase"));
        as("editor").body(Map.of("start", open.getInt("candidates[0].start"), "end", open.getInt("candidates[0].end"),
                        "statement", "The port dispute weakens the alliance's export-control cooperation."))
                .post("/api/sources/" + paper + "/candidates/accept").then().statusCode(201)
                .body("probability", equalTo(0.4f)).body("probabilityBasis", equalTo("EDITOR"))
                .body("phrase", equalTo("risks weakening"));
    }

    @Test
    void anAcceptedCandidateBecomesAForecastWhoseQuotePointsIntoTheText() {
        String paper = paperWithText();
        JsonPath open = anonymous().get("/api/sources/" + paper + "/candidates").jsonPath();
        int start = open.getInt("candidates[0].start");
        int end = open.getInt("candidates[0].end");
        long id = as("editor").body(Map.of("start", start, "end", end, "statement", "Xi visits South Korea for APEC 2025."))
                .post("/api/sources/" + paper + "/candidates/accept").then().statusCode(201)
                .body("quote", equalTo(TEXT.substring(start, end)))
                .body("quoteStart", equalTo(start)).body("quoteEnd", equalTo(end))
                .body("probability", equalTo(0.75f)).body("resolveBy", equalTo("2025-11-30"))
                .body("statement", equalTo("Xi visits South Korea for APEC 2025."))
                .extract().jsonPath().getLong("id");
        assertEquals(start, ((Number) ledger.scalar("select quote_start from forecast where id = ?", id)).intValue());
        anonymous().get("/api/sources/" + paper + "/candidates").then()
                .body("candidates.start", not(hasItem(start)));
        as("editor").body(Map.of("start", start, "end", end)).post("/api/sources/" + paper + "/candidates/accept")
                .then().statusCode(404);
    }

    @Test
    void aNegatedCandidateIsAcceptedInItsPositiveFormAndScoresAsSuch() {
        String paper = paperWithText();
        String author = anonymous().get("/api/sources/" + paper).jsonPath().getString("authors[0].slug");
        JsonPath open = anonymous().get("/api/sources/" + paper + "/candidates").jsonPath();
        assertTrue(open.getBoolean("candidates[2].negated"), "China is unlikely to abandon North Korea ...");
        int start = open.getInt("candidates[2].start");
        int end = open.getInt("candidates[2].end");
        var before = ledger.counts();
        // the sentence as printed is the complement of what "unlikely" (25%) is the probability of: refused as the statement
        as("editor").body(Map.of("start", start, "end", end)).post("/api/sources/" + paper + "/candidates/accept").then()
                .statusCode(400).body("errors[0].field", equalTo("statement"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("positive form"));
        as("editor").body(Map.of("start", start, "end", end, "statement", open.getString("candidates[2].sentence")))
                .post("/api/sources/" + paper + "/candidates/accept").then().statusCode(400)
                .body("errors[0].field", equalTo("statement"));
        assertEquals(before, ledger.counts());
        long id = as("editor").body(Map.of("start", start, "end", end, "statement",
                        "China abandons North Korea during Trump's second term."))
                .post("/api/sources/" + paper + "/candidates/accept").then().statusCode(201)
                .body("probability", equalTo(0.25f)).extract().jsonPath().getLong("id");
        // China did not abandon North Korea: the author was right, and scores as right
        int version = anonymous().get("/api/forecasts/" + id).jsonPath().getInt("version");
        as("reviewer").body(Map.of("forecastVersion", version, "outcome", "FALSE", "resolvedOn", java.time.LocalDate.now().toString(),
                "rationale", "No sign of it.")).post("/api/forecasts/" + id + "/resolutions").then().statusCode(201);
        anonymous().get("/api/authors/" + author + "/track-record").then().statusCode(200)
                .body("brier", equalTo(0.0625f));
    }

    @Test
    void aCandidateAlreadyLoggedByHandIsMarkedWithTheForecast() {
        String paper = paperWithText();
        String theme = Ledger.theme("Logged theme");
        anonymous().get("/api/sources/" + paper + "/candidates").then().body("candidates[0].loggedAs", equalTo(List.of()));
        long id = as("editor").body(Map.of("paper", paper, "statement", "Xi visits South Korea for APEC 2025.",
                        "quote", "Xi Jinping is expected to visit South Korea during the APEC in November 2025.",
                        "phrase", "is expected to", "resolveBy", "2025-11-30", "resolveByBasis", "STATED", "themes", List.of(theme)))
                .post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath open = anonymous().get("/api/sources/" + paper + "/candidates").jsonPath();
        assertEquals(List.of((int) id), open.getList("candidates[0].loggedAs"));
        assertEquals(List.of(), open.getList("candidates[1].loggedAs"));
    }

    @Test
    void aRejectedCandidateIsRememberedAndNotProposedAgain() {
        String paper = paperWithText();
        JsonPath open = anonymous().get("/api/sources/" + paper + "/candidates").jsonPath();
        int start = open.getInt("candidates[3].start");
        int end = open.getInt("candidates[3].end");
        as("editor").body(Map.of("start", start, "end", end)).post("/api/sources/" + paper + "/candidates/reject")
                .then().statusCode(204);
        anonymous().get("/api/sources/" + paper + "/candidates").then().body("candidates.size()", equalTo(3))
                .body("candidates.start", not(hasItem(start)));
        // the same text again (offsets and all) does not bring it back
        as("editor").contentType("text/plain").body(TEXT).post("/api/sources/" + paper + "/text").then().statusCode(200)
                .body("candidates.size()", equalTo(3));
    }

    @Test
    void aPrintedProbabilityIsProposedAndAcceptedAsThePapersOwnNumber() {
        String paper = Ledger.paper("2025-01-15", "Printed Author " + Ledger.unique("p"));
        String text = "Analysts give a 60 percent chance that Beijing and Seoul sign a new trade pact before the end of 2026.";
        var candidates = as("editor").contentType("text/plain").body(text).post("/api/sources/" + paper + "/text").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("60 percent chance", candidates.getString("candidates[0].phrase"));
        assertEquals(0.6, candidates.getDouble("candidates[0].probability"), 1e-9);
        assertEquals("2026-12-31", candidates.getString("candidates[0].resolveBy"));
        var accepted = as("editor").body(Map.of("start", candidates.getInt("candidates[0].start"), "end", candidates.getInt("candidates[0].end"),
                        "statement", "Beijing and Seoul sign a new trade pact.", "themes", java.util.List.of("taiwan")))
                .post("/api/sources/" + paper + "/candidates/accept");
        assertEquals(201, accepted.statusCode(), accepted.asString());
        assertEquals(0.6, accepted.jsonPath().getDouble("probability"), 1e-9);
        assertEquals("PRINTED", accepted.jsonPath().getString("probabilityBasis"));
    }

    @Test
    void onlyEditorsAttachTextAndBadRequestsChangeNothing() {
        String paper = Ledger.paper("2024-11-13", "Extraction Author " + Ledger.unique("y"));
        var before = ledger.counts();
        anonymous().contentType("text/plain").body(TEXT).post("/api/sources/" + paper + "/text").then().statusCode(401);
        as("analyst").contentType("text/plain").body(TEXT).post("/api/sources/" + paper + "/text").then().statusCode(403);
        as("editor").contentType("text/plain").body("   ").post("/api/sources/" + paper + "/text").then().statusCode(400);
        as("editor").contentType("text/plain").body(TEXT).post("/api/sources/no-such-paper/text").then().statusCode(404);
        anonymous().get("/api/sources/" + paper + "/candidates").then().statusCode(404);
        assertEquals(before, ledger.counts());
        String withText = paperWithText();
        as("editor").body(Map.of("start", 0, "end", 5)).post("/api/sources/" + withText + "/candidates/accept").then().statusCode(404);
        as("editor").body(Map.of("start", -1)).post("/api/sources/" + withText + "/candidates/reject").then().statusCode(400);
        anonymous().get("/api/sources/" + withText).then().statusCode(200);
    }

    @Test
    void publicCandidateReadsAreComputedOncePerTextVersion() throws Exception {
        String paper = Ledger.paper("2024-11-13", "Extraction Author " + Ledger.unique("c"));
        long before = cache.computations();
        as("editor").contentType("text/plain").body(TEXT).post("/api/sources/" + paper + "/text").then().statusCode(200)
                .body("candidates.size()", equalTo(4));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> reads = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                reads.add(pool.submit(() -> anonymous().get("/api/sources/" + paper + "/candidates").then().statusCode(200)
                        .extract().jsonPath().getList("candidates").size()));
            }
            for (var r : reads) {
                assertEquals(4, r.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, cache.computations() - before, "one text version, one extraction for 17 reads");
        // a new text is a new version: computed once more, then served again
        as("editor").contentType("text/plain").body(TEXT + "\nChina will probably stay the course.\n")
                .post("/api/sources/" + paper + "/text").then().statusCode(200).body("candidates.size()", equalTo(5));
        anonymous().get("/api/sources/" + paper + "/candidates").then().statusCode(200).body("candidates.size()", equalTo(5));
        assertEquals(2, cache.computations() - before);
    }

    @Test
    void aHostileTextOfTheLargestAllowedSizeIsAnsweredInSecondsThroughTheApi() {
        StringBuilder text = new StringBuilder("The Trump ");
        while (text.length() < 1_000_000) {
            text.append("Aa Bb a Word in the event of rain ");
        }
        text.append("will likely last.\n\n");
        while (text.length() < ExtractionService.MAX_TEXT - 200) {
            text.append("China is likely to stay. ");
        }
        String paper = Ledger.paper("2024-11-13", "Extraction Author " + Ledger.unique("h"));
        long started = System.nanoTime();
        int proposed = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () ->
                count(as("editor").contentType("text/plain").body(text.toString()).post("/api/sources/" + paper + "/text")
                        .then().statusCode(200).extract().asString()));
        long attached = System.nanoTime();
        assertEquals(proposed, count(anonymous().get("/api/sources/" + paper + "/candidates").then().statusCode(200)
                .extract().asString()));
        long read = System.nanoTime();
        System.out.printf("2M-character hostile text: attached with %,d candidates in %,d ms, read again in %,d ms%n",
                proposed, (attached - started) / 1_000_000, (read - attached) / 1_000_000);
        assertEquals(1 + (ExtractionService.MAX_TEXT - 1_000_000) / 25, proposed, 40);
    }

    /** How many candidates a JSON answer holds (counted in the raw text: a JSON parser in the test would dominate the timing). */
    private static int count(String json) {
        return json.split("\"tablePhrase\":", -1).length - 1;
    }
}
