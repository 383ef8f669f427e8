package org.hindcast.resolutions;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ResolutionResourceTests {

    @Inject
    Ledger ledger;

    String theme;
    String paper;
    long forecast;

    @BeforeEach
    void aPendingForecast() {
        theme = Ledger.theme("Resolution theme");
        paper = Ledger.paper("2024-11-13", "Resolution Author " + theme);
        forecast = Ledger.forecast(paper, theme, 0.75, "2025-11-30", "editor");
    }

    private static Map<String, Object> verdict(long version, String outcome) {
        Map<String, Object> body = new HashMap<>();
        body.put("forecastVersion", version);
        body.put("outcome", outcome);
        body.put("resolvedOn", "2025-11-13");
        body.put("rationale", "The later paper reports the state visit on 2025-10-30.");
        return body;
    }

    /** An analyst's evidence for the forecast, as a verdict may rely on it; its id. */
    private long supportingEvidence() {
        return as("analyst").body(Map.of("summary", "State visit on 2025-10-30", "observedOn", "2025-10-30",
                        "citationUrl", "https://example.org/visit", "stance", "SUPPORTS"))
                .post("/api/forecasts/" + forecast + "/evidence").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aReviewerResolvesAndTheForecastShowsTheOutcome() {
        long evidence = supportingEvidence();
        Map<String, Object> body = verdict(0, "TRUE");
        body.put("evidence", List.of(evidence));
        as("reviewer").body(body).post("/api/forecasts/" + forecast + "/resolutions").then().statusCode(201)
                .body("seq", equalTo(1)).body("outcome", equalTo("TRUE")).body("evidence", contains((int) evidence))
                .body("reviewer", equalTo("reviewer"));
        anonymous().get("/api/forecasts/" + forecast).then()
                .body("status", equalTo("TRUE")).body("outcomeCredit", equalTo(1.0f))
                .body("resolvedOn", equalTo("2025-11-13")).body("version", equalTo(1))
                .body("resolutions.size()", equalTo(1));
        assertEquals("TRUE", ledger.scalar("select status from forecast where id = ?", forecast));
    }

    @Test
    void theAnswerToAVerdictIsTheResolutionAsTheHistoryShowsItAfterwards() {
        long evidence = supportingEvidence();
        Map<String, Object> body = verdict(0, "PARTIAL");
        body.put("credit", 0.25);
        body.put("reason", "  kept as written  ");
        body.put("evidence", List.of(evidence, evidence));
        Map<String, Object> answered = as("reviewer").body(body).post("/api/forecasts/" + forecast + "/resolutions")
                .then().statusCode(201).extract().jsonPath().getMap("$");
        List<Map<String, Object>> history = anonymous().get("/api/forecasts/" + forecast + "/resolutions")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, history.size());
        // every field, the time it was recorded to the microsecond and the evidence relied on included
        assertEquals(history.get(0), answered);
        assertEquals(List.of((int) evidence), answered.get("evidence"));
        assertEquals(0.25f, answered.get("credit"));
    }

    @Test
    void reResolvingNeedsAReasonAppendsAndTheLatestCounts() {
        as("reviewer").body(verdict(0, "TRUE")).post("/api/forecasts/" + forecast + "/resolutions").then().statusCode(201);
        var before = ledger.counts();
        as("reviewer2").body(verdict(1, "FALSE")).post("/api/forecasts/" + forecast + "/resolutions").then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        assertEquals(before, ledger.counts());
        Map<String, Object> partial = verdict(1, "PARTIAL");
        partial.put("credit", 0.5);
        partial.put("reason", "The visit happened, but for APEC in late October, not November.");
        as("reviewer2").body(partial).post("/api/forecasts/" + forecast + "/resolutions").then().statusCode(201)
                .body("seq", equalTo(2));
        anonymous().get("/api/forecasts/" + forecast + "/resolutions").then()
                .body("outcome", contains("TRUE", "PARTIAL")).body("[1].credit", equalTo(0.5f));
        anonymous().get("/api/forecasts/" + forecast).then().body("status", equalTo("PARTIAL"))
                .body("outcomeCredit", equalTo(0.5f));
        assertEquals(2L, ledger.scalar("select count(*) from resolution where forecast_id = ?", forecast));
    }

    @Test
    void creditsAndDatesAreChecked() {
        var before = ledger.counts();
        as("reviewer").body(verdict(0, "PARTIAL")).post("/api/forecasts/" + forecast + "/resolutions").then()
                .statusCode(400).body("errors.field", hasItem("credit"));
        Map<String, Object> credit = verdict(0, "TRUE");
        credit.put("credit", 0.3);
        as("reviewer").body(credit).post("/api/forecasts/" + forecast + "/resolutions").then()
                .statusCode(400).body("errors.field", hasItem("credit"));
        Map<String, Object> outOfRange = verdict(0, "PARTIAL");
        outOfRange.put("credit", 1.5);
        as("reviewer").body(outOfRange).post("/api/forecasts/" + forecast + "/resolutions").then()
                .statusCode(400).body("errors.field", hasItem("credit"));
        Map<String, Object> early = verdict(0, "FALSE");
        early.put("resolvedOn", "2020-01-01");
        as("reviewer").body(early).post("/api/forecasts/" + forecast + "/resolutions").then()
                .statusCode(400).body("errors.field", hasItem("resolvedOn"));
        Map<String, Object> noRationale = verdict(0, "FALSE");
        noRationale.put("rationale", " ");
        as("reviewer").body(noRationale).post("/api/forecasts/" + forecast + "/resolutions").then()
                .statusCode(400).body("errors.field", hasItem("rationale"));
        Map<String, Object> foreignEvidence = verdict(0, "FALSE");
        foreignEvidence.put("evidence", List.of(999999999));
        as("reviewer").body(foreignEvidence).post("/api/forecasts/" + forecast + "/resolutions").then()
                .statusCode(400).body("errors.field", hasItem("evidence"));
        assertEquals(before, ledger.counts());
    }

    @Test
    void rolesAndOwnershipAreEnforced() {
        long own = Ledger.forecast(paper, theme, 0.6, "2025-12-31", "editor-reviewer");
        var before = ledger.counts();
        anonymous().body(verdict(0, "TRUE")).post("/api/forecasts/" + forecast + "/resolutions").then().statusCode(401);
        as("editor").body(verdict(0, "TRUE")).post("/api/forecasts/" + forecast + "/resolutions").then().statusCode(403);
        as("analyst").body(verdict(0, "TRUE")).post("/api/forecasts/" + forecast + "/resolutions").then().statusCode(403);
        as("editor-reviewer").body(verdict(0, "TRUE")).post("/api/forecasts/" + own + "/resolutions").then()
                .statusCode(403).contentType("application/problem+json");
        assertEquals(before, ledger.counts());
        as("editor-reviewer").body(verdict(0, "TRUE")).post("/api/forecasts/" + forecast + "/resolutions").then()
                .statusCode(201);
    }

    @Test
    void whoeverCorrectedAForecastMayNotResolveIt() {
        // the finding: a user with EDITOR and REVIEWER corrected someone else's forecast to 90%, then resolved it TRUE
        long other = Ledger.forecast(paper, theme, 0.6, "2025-12-31", "editor");
        as("editor-reviewer").body(Map.of("version", 0, "reason", "The paper says more.", "probability", 0.9,
                "probabilityBasis", "EDITOR")).post("/api/forecasts/" + other + "/corrections").then().statusCode(200);
        var before = ledger.counts();
        as("editor-reviewer").body(verdict(1, "TRUE")).post("/api/forecasts/" + other + "/resolutions").then()
                .statusCode(403).body("detail", org.hamcrest.Matchers.containsString("corrected this forecast"));
        assertEquals(before, ledger.counts());
        as("reviewer").body(verdict(1, "TRUE")).post("/api/forecasts/" + other + "/resolutions").then().statusCode(201);
    }

    @Test
    void aStaleVersionIsAConflict() {
        as("reviewer").body(verdict(0, "TRUE")).post("/api/forecasts/" + forecast + "/resolutions").then().statusCode(201);
        Map<String, Object> stale = verdict(0, "FALSE");
        stale.put("reason", "second thoughts");
        as("reviewer2").body(stale).post("/api/forecasts/" + forecast + "/resolutions").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void ofTwoConcurrentResolutionsOneWinsAndTheOtherGets409() throws Exception {
        for (int round = 0; round < 5; round++) {
            long target = Ledger.forecast(paper, theme, 0.5, "2025-12-31", "editor");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String reviewer : List.of("reviewer", "reviewer2")) {
                Callable<Integer> call = () -> {
                    go.await();
                    return as(reviewer).body(verdict(0, reviewer.equals("reviewer") ? "TRUE" : "FALSE"))
                            .post("/api/forecasts/" + target + "/resolutions").statusCode();
                };
                answers.add(pool.submit(call));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> a : answers) {
                codes.add(a.get());
            }
            pool.shutdown();
            codes.sort(Integer::compare);
            assertEquals(List.of(201, 409), codes, "round " + round);
            assertEquals(1L, ledger.scalar("select count(*) from resolution where forecast_id = ?", target));
            assertEquals(1L, ledger.scalar("select count(*) from audit_entry where entity = 'forecast' and entity_id = ? "
                    + "and action = 'forecast.resolve'", Long.toString(target)));
        }
    }
}
