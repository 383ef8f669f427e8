package org.hindcast.papers;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SourceResourceTests {

    @Inject
    Ledger ledger;

    private static Map<String, Object> paper(String slug, String published) {
        return Map.of("slug", slug, "title", "Outlook on China's Foreign Policy", "publisher", "Asan Institute",
                "series", "Issue Brief 2024-20(S)", "url", "https://example.org/brief", "published", published,
                "language", "en", "authors", List.of(Map.of("name", "Ahn Min Seo " + slug), Map.of("name", "Kim Jee Yeon " + slug)));
    }

    @Test
    void theApiCallsAPaperAPaperAndItsOldSourcePathsKeepAnsweringEveryMethod() {
        String slug = Ledger.unique("named");
        // written through the old path, read through both: the same paper
        as("editor").body(paper(slug, "2024-11-13")).post("/api/sources").then().statusCode(201)
                .header("Location", containsString("/api/papers/" + slug));
        long version = anonymous().get("/api/papers/" + slug).then().statusCode(200).body("slug", equalTo(slug))
                .extract().jsonPath().getLong("version");
        anonymous().get("/api/sources/" + slug).then().statusCode(200).body("slug", equalTo(slug));
        // a PATCH and a query string through the old path reach the same operations
        as("editor").body(Map.of("version", version, "title", "Renamed through the old path")).patch("/api/sources/" + slug)
                .then().statusCode(200).body("title", equalTo("Renamed through the old path"));
        anonymous().queryParam("q", "Renamed through the old path").get("/api/sources").then().statusCode(200)
                .body("items.slug", org.hamcrest.Matchers.hasItem(slug));
        anonymous().get("/api/papers/" + slug + "/track-record").then().statusCode(200);
        anonymous().get("/api/sources/" + slug + "/track-record").then().statusCode(200);
        // errors keep their answers: an unknown paper is a 404 problem under either name
        anonymous().get("/api/sources/no-such-paper").then().statusCode(404).contentType("application/problem+json");
        anonymous().get("/api/papers/no-such-paper").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void editorCreatesAPaperAndEveryoneCanReadIt() {
        String slug = Ledger.unique("outlook");
        as("editor").body(paper(slug, "2024-11-13")).post("/api/sources").then().log().ifValidationFails()
                .statusCode(201)
                .header("Location", containsString("/api/papers/" + slug))
                .body("slug", equalTo(slug))
                .body("published", equalTo("2024-11-13"))
                .body("publishedPrecision", equalTo("DAY"))
                .body("authors.size()", equalTo(2));

        anonymous().get("/api/sources/" + slug).then().statusCode(200)
                .body("title", equalTo("Outlook on China's Foreign Policy"))
                .body("series", equalTo("Issue Brief 2024-20(S)"))
                .body("authors[0].displayName", equalTo("Ahn Min Seo " + slug))
                .body("authors[0].printedName", equalTo("Ahn Min Seo " + slug));
        assertEquals("DAY", ledger.scalar("select published_precision from paper where slug = ?", slug));
        assertEquals(java.sql.Date.valueOf("2024-11-13"), ledger.scalar("select published_on from paper where slug = ?", slug));
        anonymous().get("/api/sources?q=outlook on china&size=200").then().statusCode(200)
                .body("items.slug", hasItem(slug));
    }

    @Test
    void aMonthOnlyDateIsStoredWithItsPrecision() {
        String slug = Ledger.unique("two-sessions");
        as("editor").body(paper(slug, "2024-03")).post("/api/sources").then().statusCode(201)
                .body("published", equalTo("2024-03"))
                .body("publishedOn", equalTo("2024-03-01"))
                .body("publishedPrecision", equalTo("MONTH"));
        assertEquals("MONTH", ledger.scalar("select published_precision from paper where slug = ?", slug));
    }

    @Test
    void badFieldsAreAllNamedAndNothingIsWritten() {
        var before = ledger.counts();
        Map<String, Object> bad = new java.util.HashMap<>(paper("Not A Slug", "2024-13-45"));
        bad.put("title", "x".repeat(501));
        bad.remove("publisher");
        bad.put("url", "ftp://example.org");
        as("editor").body(bad).post("/api/sources").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("slug", "title", "publisher", "url"));
        as("editor").body(paper(Ledger.unique("p"), "2024-02-30")).post("/api/sources").then()
                .statusCode(400).body("errors.field", hasItem("published"));
        as("editor").body(paper(Ledger.unique("p"), "24-02")).post("/api/sources").then()
                .statusCode(400).body("errors.field", hasItem("published"));
        Map<String, Object> unknownAuthor = new java.util.HashMap<>(paper(Ledger.unique("p"), "2024"));
        unknownAuthor.put("authors", List.of(Map.of("slug", "no-such-author")));
        as("editor").body(unknownAuthor).post("/api/sources").then()
                .statusCode(400).body("errors.field", hasItem("authors[0].slug"));
        as("editor").body("{\"title\": ").post("/api/sources").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(before, ledger.counts());
    }

    @Test
    void onlyEditorsMayAddPapers() {
        var before = ledger.counts();
        anonymous().body(paper(Ledger.unique("p"), "2024")).post("/api/sources").then().statusCode(401)
                .contentType("application/problem+json");
        as("analyst").body(paper(Ledger.unique("p"), "2024")).post("/api/sources").then().statusCode(403)
                .contentType("application/problem+json");
        as("reviewer").body(paper(Ledger.unique("p"), "2024")).post("/api/sources").then().statusCode(403);
        assertEquals(before, ledger.counts());
    }

    @Test
    void aDuplicateSlugIsAConflict() {
        String slug = Ledger.unique("dup");
        as("editor").body(paper(slug, "2024")).post("/api/sources").then().log().ifValidationFails().statusCode(201);
        var before = ledger.counts();
        as("editor").body(paper(slug, "2024")).post("/api/sources").then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(before, ledger.counts());
    }

    @Test
    void aCorrectionOfMetadataNeedsTheCurrentVersion() {
        String slug = Ledger.unique("fix");
        as("editor").body(paper(slug, "2024-09")).post("/api/sources").then().statusCode(201);
        as("editor").body(Map.of("version", 0, "title", "A Muted 30-Year Anniversary")).patch("/api/sources/" + slug)
                .then().statusCode(200).body("title", equalTo("A Muted 30-Year Anniversary")).body("version", equalTo(1));
        as("editor").body(Map.of("version", 0, "title", "Stale")).patch("/api/sources/" + slug)
                .then().statusCode(409);
        anonymous().get("/api/sources/" + slug).then().body("title", equalTo("A Muted 30-Year Anniversary"));
    }

    @Test
    void anUnknownPaperIsNotFound() {
        anonymous().get("/api/sources/no-such-paper").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-paper"));
    }
}
