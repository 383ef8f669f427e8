package org.hindcast.papers;

import io.quarkus.test.junit.QuarkusTest;
import org.hindcast.testing.Ledger;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;

/**
 * The API calls a paper a paper. Clients written when it said "source" keep working: the old paths (see
 * SourceResourceTests), the old request fields (source on a forecast, citedSource on evidence), the old filter
 * (?source=) and the old audit entity name all answer as the new ones do; answers use the new names.
 */
@QuarkusTest
class OldPaperNamesTests {

    @Test
    void requestsThatSaySourceAreUnderstoodAndAnswersSayPaper() {
        String paper = Ledger.paper("2024-11-13", "Old Names Author " + Ledger.unique("n"));
        String later = Ledger.paper("2025-11-13", "Old Names Later Author " + Ledger.unique("n"));
        String theme = Ledger.theme("Old names");
        Map<String, Object> forecast = new LinkedHashMap<>();
        forecast.put("source", paper);
        forecast.put("statement", "Something old-named happens.");
        forecast.put("quote", "Something old-named is expected to happen (" + Ledger.unique("q") + ").");
        forecast.put("phrase", "is expected to");
        forecast.put("resolveBy", "2026-06-30");
        forecast.put("resolveByBasis", "STATED");
        forecast.put("themes", List.of(theme));
        long id = as("editor").body(forecast).post("/api/forecasts").then().statusCode(201)
                .body("paper.slug", equalTo(paper)).extract().jsonPath().getLong("id");

        anonymous().queryParam("source", paper).get("/api/forecasts").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) id));
        anonymous().queryParam("paper", paper).get("/api/forecasts").then().statusCode(200).body("total", equalTo(1));

        as("analyst").body(Map.of("summary", "The later paper reports it.", "observedOn", "2025-11-13",
                        "citedSource", later, "stance", "SUPPORTS"))
                .post("/api/forecasts/" + id + "/evidence").then().statusCode(201).body("citedPaper", equalTo(later));
        as("editor").body(Map.of("source", "no-such-paper", "statement", "s", "quote", "q", "resolveBy", "2026-01-01",
                        "resolveByBasis", "STATED", "themes", List.of(theme)))
                .post("/api/forecasts").then().statusCode(400).body("errors.field", hasItem("paper"));

        as("admin").queryParam("entity", "source").queryParam("entityId", paper).get("/api/audit").then().statusCode(200)
                .body("items.action", hasItem("paper.create"));
        anonymous().get("/api/exports/forecasts.json?source=" + paper).then().statusCode(200).body("count", equalTo(1))
                .body("rows[0].paper", equalTo(paper));
    }
}
