package org.hindcast.authors;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AuthorResourceTests {

    @Inject
    Ledger ledger;

    @Test
    void aliasKeysIgnoreCaseSpacesHyphensAndNameOrder() {
        assertEquals("dong gyu lee", AuthorNames.key("Lee Dong Gyu"));
        assertEquals("dong gyu lee", AuthorNames.key("Dong Gyu Lee"));
        assertEquals("dong gyu lee", AuthorNames.key("Dong-gyu Lee"));
        assertEquals("dong gyu lee", AuthorNames.key("LEE Dong-gyu"));
        assertEquals("dong gyu lee", AuthorNames.key("Dr. LEE Dong-gyu"));
        assertEquals("hwang tae yeon", AuthorNames.key("Hwang, Tae-yeon"));
    }

    @Test
    void namesAreStoredNormalisedAndInvisibleOrLookAlikeNamesAreRefused() {
        String n = Ledger.unique("x").replaceAll("[^0-9]", "");
        String base = "Leeq" + n + " Dong-gyu";
        as("editor").body(Map.of("displayName", base)).post("/api/authors").then().statusCode(201);
        var before = ledger.counts();
        // Cyrillic е and Greek ο: the same to the eye, another name to the computer
        for (String lookAlike : List.of("L\u0435eq" + n + " Dong-gyu", "Leeq" + n + " D\u03bfng-gyu")) {
            as("editor").body(Map.of("displayName", lookAlike)).post("/api/authors").then().statusCode(409)
                    .body("detail", org.hamcrest.Matchers.containsString("looks like '" + base + "'"))
                    .body("errors[0].field", equalTo("displayName"));
        }
        // invisible and direction-changing characters
        as("editor").body(Map.of("displayName", "Leeq" + n + "\u200b Dong-gyu")).post("/api/authors").then().statusCode(400)
                .body("errors[0].field", equalTo("displayName"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("U+200B ZERO WIDTH SPACE"));
        as("editor").body(Map.of("displayName", "\u202eugy-gnoD " + n + "qeeL")).post("/api/authors").then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("U+202E RIGHT-TO-LEFT OVERRIDE"));
        String other = Ledger.unique("other");
        as("editor").body(Map.of("slug", other, "displayName", "Other" + n + " Person")).post("/api/authors").then().statusCode(201);
        before = ledger.counts();
        as("editor").body(Map.of("alias", "L\u0435eq" + n + " Dong-gyu")).post("/api/authors/" + other + "/aliases").then()
                .statusCode(409).body("detail", org.hamcrest.Matchers.containsString("U+0435 CYRILLIC SMALL LETTER IE"));
        as("editor").body(Map.of("alias", "Other" + n + "\u2066 P.")).post("/api/authors/" + other + "/aliases").then().statusCode(400)
                .body("errors[0].field", equalTo("alias"));
        // a paper printing a look-alike name is refused at that name
        as("editor").body(Map.of("title", "T", "publisher", "P", "published", "2024-05-01",
                        "authors", List.of(Map.of("name", "L\u0435eq" + n + " Dong-gyu"))))
                .post("/api/sources").then().statusCode(409).body("errors[0].field", equalTo("authors[0].name"));
        assertEquals(before, ledger.counts());
        // full-width letters are stored as the letters they are (NFKC)
        as("editor").body(Map.of("displayName", "\uff2b\uff49\uff4d" + n + " Soo")).post("/api/authors").then().statusCode(201)
                .body("displayName", equalTo("Kim" + n + " Soo"));
    }

    @Test
    void anAuthorIsFoundByAnyRegisteredAliasVariant() {
        String slug = Ledger.unique("park");
        String surname = "Park" + slug.replaceAll("[^0-9]", "");
        as("editor").body(Map.of("slug", slug, "displayName", surname + " Min Jun", "affiliation", "Test Institute"))
                .post("/api/authors").then().statusCode(201);
        for (String printed : List.of(surname + " Min Jun", "Min Jun " + surname, "Min-jun " + surname,
                surname.toUpperCase() + " Min-jun", "min jun " + surname.toLowerCase())) {
            anonymous().queryParam("name", printed).get("/api/authors/lookup").then()
                    .statusCode(200).body("slug", equalTo(slug));
        }
        anonymous().queryParam("name", "Somebody Else").get("/api/authors/lookup").then().statusCode(404);
    }

    @Test
    void aPaperNamingAKnownAuthorDifferentlyReusesThatAuthor() {
        String p1 = Ledger.paper("2024-11-13", "Choi Seung Woo");
        String p2 = Ledger.paper("2024-12-05", "Seung Woo Choi");
        String p3 = Ledger.paper("2025-11-13", "Seung-woo Choi");
        String a1 = anonymous().get("/api/sources/" + p1).jsonPath().getString("authors[0].slug");
        assertEquals(a1, anonymous().get("/api/sources/" + p2).jsonPath().getString("authors[0].slug"));
        assertEquals(a1, anonymous().get("/api/sources/" + p3).jsonPath().getString("authors[0].slug"));
        anonymous().queryParam("author", a1).get("/api/sources").then().body("total", equalTo(3));
    }

    @Test
    void mergingTwoAuthorsMovesEveryForecastAndKeepsTheOldSlug() {
        String theme = Ledger.theme("Merge theme");
        String p1 = Ledger.paper("2024-11-13", "Yoon Ha Eun " + theme);
        String p2 = Ledger.paper("2024-12-05", "Ha-eun Y. " + theme);
        long f1 = Ledger.forecast(p1, theme, 0.7, "2025-12-31", "editor");
        long f2 = Ledger.forecast(p2, theme, 0.4, "2025-12-31", "editor");
        String keep = anonymous().get("/api/sources/" + p1).jsonPath().getString("authors[0].slug");
        String gone = anonymous().get("/api/sources/" + p2).jsonPath().getString("authors[0].slug");

        as("editor").body(Map.of("into", keep)).post("/api/authors/" + gone + "/merge").then().statusCode(403);
        as("admin").body(Map.of("into", keep)).post("/api/authors/" + gone + "/merge").then().statusCode(200)
                .body("slug", equalTo(keep))
                .body("aliases", hasItem("Ha-eun Y. " + theme));

        anonymous().queryParam("author", keep).get("/api/forecasts").then().statusCode(200)
                .body("items.id", containsInAnyOrder((int) f1, (int) f2));
        anonymous().get("/api/authors/" + gone).then().statusCode(200).body("slug", equalTo(keep));
        anonymous().queryParam("name", "Ha-eun Y. " + theme).get("/api/authors/lookup").then().body("slug", equalTo(keep));
        assertEquals(0L, ledger.scalar("select count(*) from author where slug = ?", gone));
        assertEquals(1L, ledger.scalar("select count(*) from author_merge where from_slug = ?", gone));
    }

    @Test
    void anAliasBelongingToAnotherAuthorIsAConflict() {
        String a = Ledger.unique("a");
        String b = Ledger.unique("b");
        as("editor").body(Map.of("slug", a, "displayName", "Author " + a)).post("/api/authors").then().statusCode(201);
        as("editor").body(Map.of("slug", b, "displayName", "Author " + b)).post("/api/authors").then().statusCode(201);
        var before = ledger.counts();
        as("editor").body(Map.of("alias", "Author " + a)).post("/api/authors/" + b + "/aliases").then().statusCode(409);
        assertEquals(before, ledger.counts());
        as("editor").body(Map.of("alias", a + " Author")).post("/api/authors/" + a + "/aliases").then().statusCode(200)
                .body("aliases.size()", equalTo(1));
    }

    @Test
    void badAuthorInputIsRefusedField(){
        var before = ledger.counts();
        as("editor").body(Map.of("slug", "Bad Slug!", "displayName", "")).post("/api/authors").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("slug", "displayName"));
        as("analyst").body(Map.of("displayName", "Someone")).post("/api/authors").then().statusCode(403);
        assertEquals(before, ledger.counts());
    }
}
