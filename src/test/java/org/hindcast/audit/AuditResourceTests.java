package org.hindcast.audit;

import io.quarkus.test.junit.QuarkusTest;
import org.hindcast.testing.Ledger;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;

@QuarkusTest
class AuditResourceTests {

    @Test
    void everyWriteLeavesAnAuditRecordThatOnlyAnAdminReads() {
        String theme = Ledger.theme("Audit theme");
        String paper = Ledger.paper("2024-11-13", "Audit Author " + theme);
        long forecast = Ledger.forecast(paper, theme, 0.7, "2025-11-30", "editor");
        as("analyst").body(Map.of("summary", "It happened", "observedOn", "2025-10-30",
                "citationUrl", "https://example.org", "stance", "SUPPORTS")).post("/api/forecasts/" + forecast + "/evidence")
                .then().statusCode(201);
        as("reviewer").body(Map.of("forecastVersion", 0, "outcome", "TRUE", "resolvedOn", "2025-11-13",
                "rationale", "It happened")).post("/api/forecasts/" + forecast + "/resolutions").then().statusCode(201);
        // after the verdict a statement changes with two people: both acts are in the log
        int proposal = as("editor").body(Map.of("version", 1, "reason", "typo", "statement", "Something happens, as stated"))
                .post("/api/forecasts/" + forecast + "/corrections").then().statusCode(202).extract().jsonPath().getInt("id");
        as("editor2").post("/api/forecasts/" + forecast + "/correction-proposals/" + proposal + "/approve").then().statusCode(200);

        as("admin").queryParam("entity", "forecast").queryParam("entityId", forecast).get("/api/audit").then()
                .statusCode(200)
                .body("items.action", contains("forecast.correct.approved", "forecast.correct.proposed", "forecast.resolve",
                        "evidence.add", "forecast.create"))
                .body("items.actor", contains("editor2", "editor", "reviewer", "analyst", "editor"));
        as("admin").queryParam("entity", "paper").queryParam("entityId", paper).get("/api/audit").then()
                .body("items[0].action", equalTo("paper.create"));
        anonymous().get("/api/audit").then().statusCode(401);
        as("editor").get("/api/audit").then().statusCode(403);
    }
}
