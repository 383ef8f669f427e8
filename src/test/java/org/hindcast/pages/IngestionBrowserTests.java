package org.hindcast.pages;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.hindcast.testing.Staff.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An editor in a real browser: uploads a paper's PDF on its page and sees its candidates with their pages; sees
 * why a file that is not a PDF is refused, beside the file field; adds a paper from its web page (served on
 * loopback), and is told beside the field what the page did not say.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestionBrowserTests {

    @TestHTTPResource("/")
    URL base;

    Playwright playwright;
    com.microsoft.playwright.Browser browser;
    HttpServer site;
    final Map<String, String> pages = new ConcurrentHashMap<>();

    @BeforeEach
    void aBrowserAndASite() throws IOException {
        if (browser == null) {
            Staff.ensure();
            playwright = Browser.playwright();
            browser = Browser.launch(playwright);
            site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            site.createContext("/", exchange -> {
                String body = pages.get(exchange.getRequestURI().getPath());
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
                exchange.close();
            });
            site.start();
        }
    }

    @AfterAll
    void closeAll() {
        if (browser != null) {
            browser.close();
            playwright.close();
            site.stop(0);
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private Page signedIn(String user) {
        Page page = browser.newContext().newPage();
        page.navigate(url("/login"));
        page.fill("#username", user);
        page.fill("#password", Staff.PASSWORD);
        page.click("main button[type=submit]");
        page.waitForURL("**/staff");
        return page;
    }

    @Test
    void anEditorUploadsAPapersPdfAndSeesItsCandidatesWithTheirPages() {
        String slug = Ledger.paper("2024-11-13", "Upload Author " + Ledger.unique("u"));
        StringBuilder text = new StringBuilder("Seoul is expected to host the trilateral summit in 2025.\n");
        for (int i = 1; i <= 80; i++) {
            text.append("Paragraph ").append(i).append(" recalls what the two governments said and did over the past year.\n");
        }
        text.append("Beijing will likely send a special envoy to Pyongyang in 2026.\n");
        byte[] pdf = org.hindcast.ingestion.TestPdfs.twoColumnsWithHeaders(text.toString());
        Page editor = signedIn("editor");
        editor.navigate(url("/papers/" + slug));
        editor.setInputFiles("#file", new FilePayload("not-a-paper.pdf", "application/pdf", "<html>a web page</html>".getBytes(StandardCharsets.UTF_8)));
        editor.click("button:has-text('Read the PDF')");
        assertTrue(editor.textContent("#file-error").contains("not a PDF"), editor.textContent("#file-error"));
        assertEquals("true", editor.getAttribute("#file", "aria-invalid"));
        editor.setInputFiles("#file", new FilePayload("brief.pdf", "application/pdf", pdf));
        editor.click("button:has-text('Read the PDF')");
        editor.waitForURL("**/papers/" + slug + "?done=pdf-attached#candidates");
        assertTrue(editor.textContent(".flash").contains("The PDF is read"), editor.textContent(".flash"));
        var rows = editor.locator("#candidate-table tbody tr");
        assertEquals(2, rows.count());
        assertTrue(rows.nth(0).textContent().startsWith("p. 1 Seoul is expected to host"), rows.nth(0).textContent());
        assertTrue(rows.nth(1).textContent().matches("(?s)p\\. [2-9] Beijing will likely send.*"), rows.nth(1).textContent());
        // the evidence finder ran on the attached text in the background: the page says what it found, once it has
        java.util.Map<String, Object> run = org.hindcast.evidencefinder.EvidenceFinderApiTests.finishedRun(slug);
        assertEquals("DONE", run.get("status"), run.toString());
        editor.reload();
        String notice = editor.textContent("#finder-run");
        assertTrue(notice.contains("the evidence finder read " + run.get("forecastsRead") + " pending forecasts")
                && notice.contains("found " + run.get("proposals") + " proposals"), notice);
        assertEquals("/staff/papers/" + slug + "/evidence", editor.getAttribute("#finder-run a", "href"));
        editor.context().close();
    }

    @Test
    void anEditorAddsAPaperFromItsWebPageAndIsToldWhatThePageDidNotSay() {
        String word = Ledger.unique("web");
        pages.put("/brief", "<html><head><meta name=citation_title content='A web brief " + word + "'>"
                + "<meta name=citation_author content='Web Author " + word + "'><meta name=citation_publisher content='Web Institute'>"
                + "</head><body><article><p>China is likely to deepen its ties with Seoul in 2026, the brief argues at length.</p>"
                + "<p>Other paragraphs explain the background of the two countries' relations in some detail.</p></article></body></html>");
        Page editor = signedIn("editor");
        editor.navigate(url("/staff/papers/new"));
        editor.click("a:has-text('Add it from its web page instead')");
        editor.fill("#url", "http://127.0.0.1:" + site.getAddress().getPort() + "/brief");
        editor.click("button:has-text('Fetch and add the paper')");
        assertTrue(editor.textContent("#published-error").contains("gives no date"), editor.textContent("#published-error"));
        assertEquals(0, anonymous().get("/api/papers?q=" + word).jsonPath().getInt("total"), "nothing saved");
        editor.fill("#published", "2025-06");
        editor.click("button:has-text('Fetch and add the paper')");
        editor.waitForURL("**/papers/*?done=paper-from-web#candidates");
        assertEquals("A web brief " + word, editor.textContent("h1"));
        assertTrue(editor.textContent(".lede").contains("Web Author " + word));
        assertTrue(editor.textContent("#candidate-table").contains("China is likely to deepen its ties with Seoul in 2026"));
        editor.context().close();
    }

    @Test
    void anAnalystFindsEvidenceInALaterPaperAndAcceptsOneProposalAndRejectsAnother() {
        String word = Ledger.unique("zb").replaceAll("[^a-z]", "");
        String theme = Ledger.theme("Finder page theme");
        String earlier = Ledger.paper("2024-02-01", "Finder Page Early " + Ledger.unique("e"));
        String later = Ledger.paper("2025-11-13", "Finder Page Late " + Ledger.unique("l"));
        long visit = org.hindcast.evidencefinder.EvidenceFinderApiTests.forecast(earlier, theme,
                "Xi Jinping makes a state visit to Gyeongju for the " + word + " summit.", null);
        long tariffs = org.hindcast.evidencefinder.EvidenceFinderApiTests.forecast(earlier, theme,
                "Washington raises " + word + " tariffs on Seoul's exports.", null);
        Staff.as("editor").contentType("text/plain; charset=UTF-8").body("On October 30, Xi Jinping made a state visit to Gyeongju for the "
                + word + " summit.\n\nWashington did not raise its " + word + " tariffs on Seoul's exports this year.")
                .post("/api/papers/" + later + "/text").then().statusCode(200);
        Page analyst = signedIn("analyst");
        analyst.navigate(url("/papers/" + later));
        analyst.click("#find-evidence");
        analyst.waitForURL("**/staff/papers/" + later + "/evidence");
        // other tests' forecasts may be proposed too: this test looks at its own two
        String visitRows = "#proposal-table tbody tr:has(a[href='/forecasts/" + visit + "'])";
        String tariffRows = "#proposal-table tbody tr:has(a[href='/forecasts/" + tariffs + "'])";
        assertTrue(analyst.textContent("#finder-summary").contains("from 2 sentences"), analyst.textContent("#finder-summary"));
        var visitRow = analyst.locator(visitRows);
        assertEquals(1, visitRow.count(), analyst.textContent("#proposal-table"));
        assertTrue(visitRow.textContent().contains("made a state visit to Gyeongju"), visitRow.textContent());
        assertTrue(visitRow.textContent().contains("Supports"), visitRow.textContent());
        var tariffRow = analyst.locator(tariffRows);
        assertTrue(tariffRow.textContent().contains("Refutes"), tariffRow.textContent());
        tariffRow.locator("button:has-text('Reject')").click();
        analyst.waitForURL("**done=proposal-rejected**");
        assertEquals(0, analyst.locator(tariffRows).count(), "the rejected proposal is gone");
        assertEquals(1, analyst.locator(visitRows).count());
        analyst.locator(visitRows + " button:has-text('Accept as evidence')").click();
        analyst.waitForURL("**done=proposal-accepted**");
        assertTrue(analyst.textContent("#flash").contains("attached to the forecast as evidence"));
        assertEquals(0, analyst.locator(visitRows).count(), "the accepted proposal is evidence now");
        var evidence = Staff.anonymous().get("/api/forecasts/" + visit + "/evidence").jsonPath();
        assertEquals(1, evidence.getList("").size());
        assertEquals(later, evidence.getString("[0].citedPaper"));
        assertTrue(evidence.getString("[0].quote").startsWith("On October 30, Xi Jinping made a state visit"));
        analyst.context().close();
    }
}
