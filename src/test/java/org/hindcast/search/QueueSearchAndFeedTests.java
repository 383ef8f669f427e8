package org.hindcast.search;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.notifications.DueDigest;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Staff;
import org.hindcast.trackrecords.Leaderboard;
import org.hindcast.trackrecords.LeaderboardService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API's side of the queues and search, the feeds of forecasts falling due, the digest, and the period boards. */
@QuarkusTest
class QueueSearchAndFeedTests {

    @Inject
    DueDigest digest;

    @Inject
    MockMailbox mailbox;

    @Inject
    LeaderboardService leaderboards;

    @BeforeEach
    void staff() {
        Staff.ensure();
        mailbox.clear();
    }

    @Test
    void theListFiltersForTheQueuesDueWithinDaysWithoutEvidenceAndNotTheCallersOwn() {
        String theme = Ledger.theme("Queue API " + Ledger.unique("t"));
        String paper = Ledger.paper("2025-01-01", "Queue Api Author " + Ledger.unique("a").replaceAll("[^0-9]", ""));
        LocalDate today = LocalDate.now();
        long overdue = Ledger.forecast(paper, theme, 0.7, "2025-06-30", "editor");
        long soonOwn = Ledger.forecast(paper, theme, 0.6, today.plusDays(5).toString(), "editor-reviewer");
        long later = Ledger.forecast(paper, theme, 0.3, today.plusDays(100).toString(), "editor");
        as("analyst").body(Map.of("summary", "Reported.", "observedOn", "2025-07-01", "citationUrl", "https://example.org/x",
                "stance", "SUPPORTS")).post("/api/forecasts/" + overdue + "/evidence").then().statusCode(201);

        assertEquals(List.of(overdue, soonOwn), ids(as("editor-reviewer").get("/api/forecasts?theme=" + theme + "&dueWithinDays=30&sort=resolveBy")));
        assertEquals(List.of(overdue), ids(as("editor-reviewer").get("/api/forecasts?theme=" + theme + "&dueWithinDays=30&excludeMine=true")),
                "what the caller logged is left out");
        assertEquals(List.of(soonOwn), ids(as("analyst").get("/api/forecasts?theme=" + theme + "&dueWithinDays=30&withoutEvidence=true")));
        assertEquals(List.of(overdue, soonOwn, later), ids(as("analyst").get("/api/forecasts?theme=" + theme + "&dueWithinDays=365&sort=resolveBy")));
        as("analyst").get("/api/forecasts?dueWithinDays=-1").then().statusCode(400);
    }

    @Test
    void wordsAreSearchedInStatementsQuotesPaperTitlesAndAuthorNamesRankedByRelevance() {
        String word = "quokka" + Ledger.unique("w").replaceAll("[^0-9]", "");
        String theme = Ledger.theme("Search API " + word);
        String name = "Vivid Searcher " + word.replace("quokka", "Nameword");
        String paper = Ledger.paper("2025-01-01", name);
        Map<String, Object> inStatement = Map.of("paper", paper, "statement", "Two " + word + " summits are held.",
                "quote", "The summits are likely.", "probability", 0.6, "probabilityBasis", "EDITOR", "resolveBy", "2026-01-01",
                "resolveByBasis", "STATED", "themes", List.of(theme));
        long a = as("editor").body(inStatement).post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> inQuote = Map.of("paper", paper, "statement", "A meeting is held.",
                "quote", "A meeting on " + word + " policy is likely.", "probability", 0.6, "probabilityBasis", "EDITOR",
                "resolveBy", "2026-01-01", "resolveByBasis", "STATED", "themes", List.of(theme));
        long b = as("editor").body(inQuote).post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");

        assertEquals(List.of(a, b), ids(anonymous().get("/api/forecasts?q=" + word)), "the statement's word ranks first");
        assertEquals(List.of(a), ids(anonymous().get("/api/forecasts?q=" + word + " summits")), "every word must be there");
        assertEquals(List.of(b), ids(anonymous().get("/api/forecasts?q=" + word + " -summits")), "a word may be excluded");
        assertEquals(2, ids(anonymous().get("/api/forecasts?q=" + name)).size(), "by the author's name");
        assertEquals(List.of(), ids(anonymous().get("/api/forecasts?q=" + name + " summits")),
                "the words are found together: in a forecast's text, its paper's title or an author's name");
        assertEquals(2, ids(anonymous().queryParam("q", "Paper " + paper).get("/api/forecasts")).size(), "by the paper's title");
        assertEquals(List.of(), ids(anonymous().get("/api/forecasts?q=" + word + "&status=TRUE")), "with the other filters");
        anonymous().get("/api/forecasts?q=%26%23%2B%25").then().statusCode(200);
    }

    @Test
    void feedsOfForecastsFallingDueListWhatIsOverdueOrDueWithinThirtyDays() {
        String theme = Ledger.theme("Due feed " + Ledger.unique("t"));
        String author = "Feed Author " + Ledger.unique("a").replaceAll("[^0-9]", "");
        String paper = Ledger.paper("2025-01-01", author);
        LocalDate soon = LocalDate.now().plusDays(12);
        long overdue = Ledger.forecast(paper, theme, 0.7, "2025-06-30", "editor");
        long due = Ledger.forecast(paper, theme, 0.6, soon.toString(), "editor");
        long later = Ledger.forecast(paper, theme, 0.3, LocalDate.now().plusDays(90).toString(), "editor");
        String feed = anonymous().get("/feeds/due/themes/" + theme + ".atom").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/atom+xml")).extract().asString();
        assertTrue(feed.contains("Overdue since 2025-06-30") && feed.contains("/forecasts/" + overdue + "\""), feed);
        assertTrue(feed.contains("Due " + soon + ":") && feed.contains("/forecasts/" + due + "\""), feed);
        assertFalse(feed.contains("/forecasts/" + later + "\""), "not yet within 30 days");
        assertTrue(feed.indexOf("/forecasts/" + overdue + "\"") < feed.indexOf("/forecasts/" + due + "\""), "soonest first");
        String slug = as("editor").get("/api/papers/" + paper).jsonPath().getString("authors[0].slug");
        String byAuthor = anonymous().get("/feeds/due/authors/" + slug + ".atom").then().statusCode(200).extract().asString();
        assertTrue(byAuthor.contains("/forecasts/" + due + "\""));
        String page = anonymous().accept("text/html").get("/authors/" + slug).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feeds/due/authors/" + slug + ".atom\""),
                "feed readers discover it");
        assertTrue(page.contains("href=\"/api/exports/forecasts.csv?author=" + slug + "\""), "the CSV of what the page lists");
        anonymous().get("/feeds/due/themes/no-such-theme.atom").then().statusCode(404);
    }

    @Test
    void theDigestGoesToTheAddressesGivenAndWithNoneNothingIsSent() {
        Ledger.forecast(Ledger.paper("2025-01-01", "Digest Author " + Ledger.unique("a").replaceAll("[^0-9]", "")),
                Ledger.theme("Digest " + Ledger.unique("t")), 0.7, "2025-06-30", "editor");
        assertEquals(0, digest.send(), "no hindcast.digest.to: nothing is sent");
        assertEquals(0, mailbox.getTotalMessagesSent());

        assertEquals(1, digest.send(List.of("reviewers@example.org")));
        var mails = mailbox.getMailsSentTo("reviewers@example.org");
        assertEquals(1, mails.size());
        var composed = digest.compose();
        assertTrue(composed.overdue() > 0);
        assertEquals(composed.subject(), mails.get(0).getSubject());
        assertTrue(mails.get(0).getText().contains("Forecasts overdue: " + composed.overdue()), mails.get(0).getText());
        assertTrue(mails.get(0).getText().contains("/staff/queue"));
    }

    @Test
    void aPeriodBoardOverAllTimeHasTheMaintainedBoardsFigures() {
        as("admin").post("/api/admin/corpus/import").then().statusCode(200);
        Leaderboard kept = leaderboards.leaderboard(null, 1, 0, 200);
        Leaderboard computed = leaderboards.period(null, null, null, 1, 0, 200);
        assertEquals(kept.total(), computed.total());
        for (int i = 0; i < kept.entries().size(); i++) {
            var k = kept.entries().get(i);
            var c = computed.entries().get(i);
            assertEquals(k.slug(), c.slug(), "rank " + (i + 1));
            assertEquals(k.scored(), c.scored());
            assertEquals(k.brier(), c.brier(), 1e-12);
            assertEquals(k.shrunkBrier(), c.shrunkBrier(), 1e-12);
            assertEquals(k.brierInterval().low(), c.brierInterval().low(), 1e-12);
        }
        Leaderboard none = leaderboards.period(null, LocalDate.of(1990, 1, 1), LocalDate.of(1990, 12, 31), 1, 0, 50);
        assertEquals(0, none.total(), "no verdict in 1990");
    }

    private static List<Long> ids(io.restassured.response.Response response) {
        return response.then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }
}
