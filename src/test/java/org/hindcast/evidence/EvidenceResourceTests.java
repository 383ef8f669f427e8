package org.hindcast.evidence;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class EvidenceResourceTests {

    @Inject
    Ledger ledger;

    long forecast;
    String laterPaper;

    @BeforeEach
    void forecastAndALaterPaper() {
        String theme = Ledger.theme("Evidence theme");
        String paper = Ledger.paper("2024-11-13", "Evidence Author " + theme);
        laterPaper = Ledger.paper("2025-11-13", "Evidence Author " + theme);
        forecast = Ledger.forecast(paper, theme, 0.75, "2025-11-30", "editor");
    }

    private Map<String, Object> evidence() {
        Map<String, Object> body = new HashMap<>();
        body.put("summary", "Xi Jinping made a state visit to South Korea on 2025-10-30 for APEC in Gyeongju.");
        body.put("observedOn", "2025-10-30");
        body.put("citedPaper", laterPaper);
        body.put("citationNote", "Assessment of the 2025 South Korea-China Summit, first paragraph");
        body.put("stance", "SUPPORTS");
        return body;
    }

    @Test
    void oneAnswerNamesEveryFieldTheEvidenceGetsWrongAndNothingIsWritten() {
        Map<String, Object> body = evidence();
        body.put("summary", " ");
        body.put("observedOn", "2020-01-01");
        body.put("citationUrl", "example.org/no-scheme");
        body.remove("stance");
        var before = ledger.counts();
        as("analyst").body(body).post("/api/forecasts/" + forecast + "/evidence").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("summary", "observedOn", "citationUrl", "stance"));
        assertEquals(before, ledger.counts());
    }

    @Test
    void anAnalystAttachesEvidenceCitingALaterPaperOrAUrl() {
        as("analyst").body(evidence()).post("/api/forecasts/" + forecast + "/evidence").then().statusCode(201)
                .body("citedPaper", equalTo(laterPaper)).body("stance", equalTo("SUPPORTS"))
                .body("addedBy", equalTo("analyst"));
        Map<String, Object> byUrl = evidence();
        byUrl.remove("citedPaper");
        byUrl.put("citationUrl", "https://example.org/report");
        byUrl.put("stance", "CONTEXT");
        byUrl.put("observedOn", "2025-11-01");
        as("analyst").body(byUrl).post("/api/forecasts/" + forecast + "/evidence").then().statusCode(201);

        anonymous().get("/api/forecasts/" + forecast).then().statusCode(200)
                .body("evidence.stance", contains("SUPPORTS", "CONTEXT"))
                .body("evidence[1].citationUrl", equalTo("https://example.org/report"));
        assertEquals(2L, ledger.scalar("select count(*) from evidence where forecast_id = ?", forecast));
    }

    @Test
    void badEvidenceIsRefusedAndNothingIsWritten() {
        var before = ledger.counts();
        Map<String, Object> both = evidence();
        both.put("citationUrl", "https://example.org");
        as("analyst").body(both).post("/api/forecasts/" + forecast + "/evidence").then().statusCode(400)
                .body("errors.field", hasItem("citationUrl"));
        Map<String, Object> future = evidence();
        future.put("observedOn", LocalDate.now().plusDays(2).toString());
        as("analyst").body(future).post("/api/forecasts/" + forecast + "/evidence").then().statusCode(400)
                .body("errors.field", hasItem("observedOn"));
        Map<String, Object> stance = evidence();
        stance.put("stance", "MAYBE");
        as("analyst").body(stance).post("/api/forecasts/" + forecast + "/evidence").then().statusCode(400)
                .body("errors.field", hasItem("stance"));
        Map<String, Object> unknown = evidence();
        unknown.put("citedPaper", "no-such-paper");
        as("analyst").body(unknown).post("/api/forecasts/" + forecast + "/evidence").then().statusCode(400)
                .body("errors.field", hasItem("citedPaper"));
        Map<String, Object> missing = evidence();
        missing.remove("summary");
        as("analyst").body(missing).post("/api/forecasts/" + forecast + "/evidence").then().statusCode(400)
                .body("errors.field", hasItem("summary"));
        as("analyst").body(evidence()).post("/api/forecasts/999999999/evidence").then().statusCode(404);
        assertEquals(before, ledger.counts());
    }

    @Test
    void onlyAnalystsAttachEvidence() {
        var before = ledger.counts();
        anonymous().body(evidence()).post("/api/forecasts/" + forecast + "/evidence").then().statusCode(401);
        as("editor").body(evidence()).post("/api/forecasts/" + forecast + "/evidence").then().statusCode(403);
        as("reviewer").body(evidence()).post("/api/forecasts/" + forecast + "/evidence").then().statusCode(403);
        assertEquals(before, ledger.counts());
    }
}
