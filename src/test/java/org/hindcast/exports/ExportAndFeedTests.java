package org.hindcast.exports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hindcast.testing.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ExportAndFeedTests {

    @BeforeEach
    void theCorpusIsLoaded() {
        as("admin").post("/api/admin/corpus/import").then().statusCode(200);
    }

    /** Parses RFC 4180 CSV (quoted fields with commas, quotes and line breaks). */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                // part of \r\n
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    @Test
    void forecastsExportAsCsvAndJsonFilteredByAuthorThemePaperAndDate() {
        int leeTotal = anonymous().queryParam("author", "lee-dong-gyu").queryParam("size", 1).get("/api/forecasts").jsonPath().getInt("total");
        String csv = anonymous().get("/api/exports/forecasts.csv?author=lee-dong-gyu").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<List<String>> rows = parseCsv(csv);
        assertEquals("id", rows.get(0).get(0));
        assertEquals(leeTotal + 1, rows.size(), "a header and one row per forecast");
        int quoteColumn = rows.get(0).indexOf("quote");
        assertTrue(rows.stream().skip(1).anyMatch(r -> r.get(quoteColumn).equals(
                "Xi Jinping is expected to visit South Korea during the APEC in November 2025.")), "quotes survive CSV quoting");

        int peninsula = anonymous().queryParam("theme", "korean-peninsula").queryParam("size", 1).get("/api/forecasts").jsonPath().getInt("total");
        anonymous().get("/api/exports/forecasts.json?theme=korean-peninsula").then().statusCode(200)
                .body("count", equalTo(peninsula)).body("rows.size()", equalTo(peninsula));
        anonymous().get("/api/exports/forecasts.json?paper=kinu-2024-03-two-sessions-china-foreign-policy").then()
                .body("count", equalTo(16)).body("rows[0].published", equalTo("2024-03-01"));
        int inRange = anonymous().queryParam("madeFrom", "2024-11-01").queryParam("madeTo", "2024-12-31").queryParam("size", 1)
                .get("/api/forecasts").jsonPath().getInt("total");
        anonymous().get("/api/exports/forecasts.json?from=2024-11-01&to=2024-12-31").then().body("count", equalTo(inRange));
        anonymous().get("/api/exports/forecasts.csv?from=2024-13-01").then().statusCode(400);
        anonymous().get("/api/exports/nothing.csv").then().statusCode(404);
        anonymous().get("/api/exports/forecasts.xml").then().statusCode(404);
    }

    @Test
    void resolutionsEvidenceAndScoresExport() {
        JsonPath resolutions = anonymous().get("/api/exports/resolutions.json?author=lee-dong-gyu").then().statusCode(200).extract().jsonPath();
        assertTrue(resolutions.getInt("count") >= 6);
        assertTrue(resolutions.getList("rows.outcome").contains("FALSE"));
        anonymous().get("/api/exports/evidence.json?paper=asan-2024-11-outlook-china-trump-second-term").then()
                .body("count", equalTo(15)).body("rows[0].cited_paper", equalTo("asan-2025-11-south-korea-china-summit"));
        JsonPath scores = anonymous().get("/api/exports/scores.json?theme=korean-peninsula&author=lee-dong-gyu").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, scores.getInt("count"));
        assertEquals(6, scores.getInt("rows[0].scored"));
        String csv = anonymous().get("/api/exports/scores.csv").then().statusCode(200).extract().asString();
        assertEquals(List.of("rank", "author", "name", "theme", "scored", "brier", "shrunk_brier", "interval_low", "interval_high",
                "std_error", "scoring_version"), parseCsv(csv).get(0));
        anonymous().get("/api/exports/scores.json?paper=x").then().statusCode(400);
    }

    @Test
    void aCsvFieldThatLooksLikeAFormulaStaysText() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.field("=HYPERLINK(\"x\")"), "prefixed, then quoted with its quotes doubled");
        assertEquals("\"a, b\"", Csv.field("a, b"));
        assertEquals("-0.5", Csv.field(-0.5));
    }

    private static Document xml(String body) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void atomFeedsListNewResolutionsPerAuthorAndTheme() throws Exception {
        String body = anonymous().get("/feeds/authors/lee-dong-gyu.atom").then().statusCode(200)
                .contentType(startsWith("application/atom+xml")).extract().asString();
        Document feed = xml(body);
        int leeResolutions = anonymous().get("/api/exports/resolutions.json?author=lee-dong-gyu").jsonPath().getInt("count");
        assertEquals(Math.min(50, leeResolutions), feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength());
        assertTrue(body.contains("Xi Jinping visits South Korea for the APEC summit of 2025."));

        String theme = Ledger.unique("feed");
        as("editor").body(Map.of("slug", theme, "name", "Trade & <tariffs> \"now\"")).post("/api/themes").then().statusCode(201);
        String paper = Ledger.paper("2024-06-01", "Feed Author " + theme);
        long id = Ledger.forecast(paper, theme, 0.3, "2024-12-31", "editor");
        as("reviewer").body(Map.of("forecastVersion", 0, "outcome", "FALSE", "resolvedOn", "2025-01-02",
                "rationale", "It did not happen <b>at all</b> & that is that")).post("/api/forecasts/" + id + "/resolutions")
                .then().statusCode(201);
        Document themed = xml(anonymous().get("/feeds/themes/" + theme + ".atom").then().statusCode(200).extract().asString());
        assertEquals("Hindcast: resolutions on Trade & <tariffs> \"now\"", themed.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(1, themed.getElementsByTagName("entry").getLength());
        assertTrue(themed.getElementsByTagName("summary").item(0).getTextContent().contains("<b>at all</b> & that is that"));
        xml(anonymous().get("/feeds/resolutions.atom").then().statusCode(200).extract().asString());
        anonymous().get("/feeds/authors/nobody.atom").then().statusCode(404);
    }
}
