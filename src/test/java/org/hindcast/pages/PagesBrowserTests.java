package org.hindcast.pages;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages in a real browser: what a reader sees, and a forecast's life from editor to reviewer. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesBrowserTests {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

    Playwright playwright;
    com.microsoft.playwright.Browser browser;

    @BeforeEach
    void aBrowserAndTheCorpus() {
        if (browser == null) {
            as("admin").post("/api/admin/corpus/import").then().statusCode(200);
            playwright = Browser.playwright();
            browser = Browser.launch(playwright);
        }
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
            playwright.close();
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private Page readerPage() {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1200, 900)).newPage();
    }

    private Page signedIn(String user) {
        Staff.ensure();
        Page page = readerPage();
        page.navigate(url("/login"));
        page.fill("#username", user);
        page.fill("#password", Staff.PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL("**/staff");
        return page;
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    void aWrongPasswordShowsTheFormAgainAndTheDeepLinkSurvivesSignIn() {
        Staff.ensure();
        Page page = readerPage();
        page.navigate(url("/staff/papers/new"));
        assertTrue(page.url().contains("/login"), "a reader is sent to sign in");
        page.fill("#username", "editor");
        page.fill("#password", "not-the-password");
        page.click("button[type=submit]");
        assertTrue(page.textContent("#login-error").contains("not right"));
        assertEquals("editor", page.inputValue("#username"), "the name typed is kept");
        page.fill("#password", Staff.PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL("**/staff/papers/new");
        assertTrue(page.content().contains("Sign out"), page.url());
        page.context().close();
    }

    @Test
    void theNewPaperFormShowsALookAlikeAuthorNameNextToTheField() {
        Page page = signedIn("editor");
        page.navigate(url("/staff/papers/new"));
        page.fill("#title", "A paper by a look-alike");
        page.fill("#publisher", "Test Institute");
        page.fill("#published", "2024-05");
        page.fill("#authors", "L\u0435e Dong-gyu");
        page.click("form[action='/staff/papers'] button[type=submit]");
        assertTrue(page.url().endsWith("/staff/papers"), page.url());
        assertTrue(page.textContent("#authors-error").contains("looks like 'Lee Dong-gyu'"), page.textContent("#authors-error"));
        assertEquals("L\u0435e Dong-gyu", page.inputValue("#authors"), "what was typed is kept");
        page.context().close();
    }

    @Test
    void aReaderOpensAnAuthorPageAndSeesTheChartAndTheNumbers() {
        Page page = readerPage();
        com.microsoft.playwright.Response answer = page.navigate(url("/authors/lee-dong-gyu"));
        // the browser asks for gzip and is sent the page's kept compressed bytes, which it reads as the page below
        assertEquals("gzip", answer.headerValue("content-encoding"), answer.headers().toString());
        assertEquals("Lee Dong-gyu · Hindcast", page.title());
        assertTrue(page.locator("[data-figure=headline-brier]").textContent().contains("Brier 0.167"));
        assertEquals("9", page.locator("[data-figure=scored]").textContent());
        assertTrue(page.locator("[data-figure=sentence]").textContent().startsWith("Better than always saying 50% on 9 resolved forecasts"));
        // his nine verdicts were forecast at 0.65 (one) and 0.70-0.75 (eight): two bins, a point each
        assertEquals(2, page.locator("svg#calibration circle.bin").count(), "a point per non-empty bin");
        assertEquals(1, page.locator("svg#calibration line[stroke-dasharray]").count(), "the diagonal");
        assertTrue(page.locator("svg#calibration").textContent().contains("Forecast probability"), "labelled axes");
        assertTrue(page.locator("svg#brier-over-time circle").count() >= 1);
        assertTrue(page.locator("#pending ~ div table .overdue").count() >= 1, "overdue forecasts are marked");
        assertTrue(page.locator("text=Xi Jinping is expected to visit South Korea during the APEC in November 2025.").count() >= 1);
        screenshot(page, "author");

        page.setViewportSize(390, 844);
        page.navigate(url("/authors/lee-dong-gyu"));
        screenshot(page, "author-phone");
        page.navigate(url("/"));
        assertTrue(page.locator("h2:has-text('Leaderboard')").count() == 1);
        page.setViewportSize(1200, 900);
        page.navigate(url("/"));
        screenshot(page, "home");
        page.navigate(url("/papers/asan-2024-11-outlook-china-trump-second-term"));
        screenshot(page, "paper");
        page.navigate(url("/themes/korean-peninsula"));
        screenshot(page, "theme");
        page.click("text=Xi Jinping visits South Korea for the APEC summit of 2025.");
        assertTrue(page.locator("ol.timeline .stance-SUPPORTS").count() >= 1, "the evidence timeline with its stance");
        assertTrue(page.locator("text=Xi Jinping made a state visit").count() >= 1);
        screenshot(page, "forecast");
        page.navigate(url("/search?q=North+Korea&status=FALSE"));
        assertTrue(page.locator("table tbody tr").count() >= 2);
        screenshot(page, "search");
        page.context().close();
    }

    @Test
    void userTextIsShownAsTextAndPagesCarrySecurityHeaders() {
        String paper = Ledger.paper("2025-01-15", "Script Author " + Ledger.unique("x"));
        String theme = Ledger.theme("Escaping");
        long id = as("editor").body(Map.of("paper", paper, "statement", "Nothing <b>bold</b> happens",
                "quote", "<script>window.pwned = true; alert('x')</script> is expected to run.", "phrase", "is expected to",
                "resolveBy", "2026-12-31", "resolveByBasis", "STATED", "themes", List.of(theme)))
                .post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");
        Page page = readerPage();
        AtomicBoolean dialog = new AtomicBoolean();
        page.onDialog(d -> {
            dialog.set(true);
            d.dismiss();
        });
        var response = page.navigate(url("/forecasts/" + id));
        assertTrue(page.locator("blockquote").textContent().contains("<script>window.pwned = true; alert('x')</script>"));
        assertTrue(page.locator("h1").textContent().contains("Nothing <b>bold</b> happens"));
        assertFalse(dialog.get(), "no script ran");
        assertEquals(Boolean.FALSE, page.evaluate("() => window.pwned === true"));
        assertTrue(response.headers().get("content-security-policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", response.headers().get("x-content-type-options"));
        page.context().close();
    }

    @Test
    void swaggerUiRendersEveryOperationOfTheApiWhileThePagesKeepTheirStrictPolicy() {
        int operations = 0;
        java.util.Map<String, java.util.Map<String, Object>> paths = new io.restassured.path.json.JsonPath(
                io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").asString()).getMap("paths");
        for (var item : paths.values()) {
            operations += (int) item.keySet().stream().filter(k -> List.of("get", "post", "patch", "put", "delete").contains(k)).count();
        }
        Page page = readerPage();
        List<String> blocked = new java.util.ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                blocked.add(m.text());
            }
        });
        var response = page.navigate(url("/q/swagger-ui/"));
        page.waitForSelector(".opblock-summary", new Page.WaitForSelectorOptions().setTimeout(30_000));
        // every tag section open: Swagger UI shows the operations of each
        page.waitForFunction("n => document.querySelectorAll('.opblock').length >= n", operations);
        assertEquals(operations, page.locator(".opblock").count(), "every operation of the document is shown");
        assertTrue(page.locator(".opblock-summary-description").allTextContents().contains("Log a forecast"));
        assertTrue(page.locator("button.authorize").isVisible(), "the HTTP Basic scheme can be used from the page");
        assertEquals(List.of(), blocked, "nothing blocked by the policy");
        assertTrue(response.headers().get("content-security-policy").contains("script-src 'self' 'unsafe-inline'"));
        screenshot(page, "swagger-ui");
        // the site's own pages keep the strict policy
        var home = page.navigate(url("/"));
        String policy = home.headers().get("content-security-policy");
        assertTrue(policy.contains("script-src 'self';") && !policy.contains("unsafe-inline"), policy);
        page.context().close();
    }

    @Test
    void anEditorLogsAForecastAnAnalystAttachesEvidenceAReviewerResolvesAndTheAuthorPageShowsIt() {
        String tag = Ledger.unique("b");
        String paper = Ledger.paper("2025-01-15", "Browser Author " + tag);
        String author = anonymous().get("/api/sources/" + paper).jsonPath().getString("authors[0].slug");

        // The editor: mistakes first (no statement, no resolve-by date), then the form keeps the input and names the fields.
        Page editor = signedIn("editor");
        editor.navigate(url("/staff/forecasts/new?paper=" + paper));
        editor.fill("#quote", "Beijing is likely to resume group tours to South Korea.");
        editor.fill("#phrase", "is likely to");
        editor.click("button[value=suggest]");
        assertTrue(editor.locator("#suggestion").textContent().contains("70%"), "the phrase table suggests 70%");
        // (a date field cannot hold a malformed date in a browser; the missing one is the mistake here)
        editor.fill("#theme-0", "china-south-korea-relations");
        editor.click("button[value=save]");
        assertTrue(editor.locator("#statement-error").isVisible(), "the error is next to the statement field");
        assertTrue(editor.locator("#resolveBy-error").isVisible());
        assertEquals("Beijing is likely to resume group tours to South Korea.", editor.inputValue("#quote"), "input kept");
        screenshot(editor, "forecast-form-errors");
        editor.fill("#statement", "China resumes group tours to South Korea.");
        editor.fill("#resolveBy", "2025-06-30");
        editor.click("button[value=save]");
        editor.waitForURL("**/forecasts/*");
        String forecastUrl = editor.url().replaceAll("[?#].*", "");
        assertTrue(editor.textContent("#flash").contains("The forecast is logged"), "a success message after the write");
        assertEquals("70%", editor.locator("[data-figure=probability]").textContent().substring(0, 3));
        editor.context().close();

        Page analyst = signedIn("analyst");
        analyst.navigate(forecastUrl);
        analyst.click("text=Attach evidence");
        analyst.fill("#summary", "Group tours from China to South Korea resumed.");
        analyst.fill("#observedOn", "2025-03-01");
        analyst.fill("#citationUrl", "https://example.org/tours");
        analyst.selectOption("#stance", "SUPPORTS");
        analyst.click("button[type=submit]:has-text('Attach')");
        analyst.waitForURL(forecastUrl + "?done=evidence-added");
        assertTrue(analyst.locator("text=Group tours from China to South Korea resumed.").isVisible());
        analyst.context().close();

        Page reviewer = signedIn("reviewer");
        reviewer.navigate(forecastUrl);
        reviewer.click("a:has-text('Resolve')");
        reviewer.selectOption("#outcome", "TRUE");
        reviewer.fill("#rationale", "The tours resumed, as reported.");
        reviewer.fill("#resolvedOn", "2025-07-01");
        reviewer.check("input[name=evidence]");
        reviewer.click("button[type=submit]:has-text('Record the verdict')");
        reviewer.waitForURL(forecastUrl + "?done=resolved");
        assertEquals("Came true", reviewer.locator("[data-figure=status]").textContent(), "a status reads as words");
        assertEquals("TRUE", reviewer.locator("[data-figure=status]").getAttribute("data-status"));
        reviewer.navigate(url("/authors/" + author));
        assertTrue(reviewer.locator("[data-figure=headline-brier]").textContent().contains("Brier 0.090"),
                "(0.70 - 1)^2 = 0.09 on the author's page at once");
        assertEquals("1", reviewer.locator("[data-figure=scored]").textContent());
        screenshot(reviewer, "author-after-resolution");
        reviewer.context().close();
    }

    @Test
    void aCorrectionAfterTheVerdictWaitsOnThePageForASecondPerson() {
        String paper = Ledger.paper("2024-11-13", "Verdict Author " + Ledger.unique("v"));
        long id = Ledger.forecast(paper, Ledger.theme("Verdict theme"), 0.75, "2025-11-30", "editor");
        as("reviewer").body(java.util.Map.of("forecastVersion", 0, "outcome", "TRUE", "resolvedOn", "2025-11-20",
                "rationale", "It happened.")).post("/api/forecasts/" + id + "/resolutions").then().statusCode(201);
        Page editor = signedIn("editor2");
        editor.navigate(url("/staff/forecasts/" + id + "/correct"));
        editor.fill("#probability", "10%");
        editor.fill("#reason", "The paper hedges more than we read.");
        editor.click("form[action$='/correct'] button[type=submit]");
        editor.waitForURL("**/forecasts/" + id + "?done=proposed#proposals");
        assertEquals("75%", editor.locator("[data-figure=probability]").textContent().substring(0, 3), "not applied by one person");
        assertTrue(editor.textContent("#proposal-table").contains("probability → 0.1"), editor.textContent("#proposal-table"));
        assertTrue(editor.textContent("#proposal-table").contains("awaiting a second person"));
        editor.context().close();

        Page reviewer = signedIn("reviewer");
        reviewer.navigate(url("/forecasts/" + id));
        reviewer.click("#proposal-table button:has-text('Approve')");
        reviewer.waitForURL("**/forecasts/" + id + "?done=approved#corrections");
        assertEquals("10%", reviewer.locator("[data-figure=probability]").textContent().substring(0, 3));
        assertTrue(reviewer.textContent("#corrected-after-verdict").contains("Corrected after its verdict"));
        assertEquals("early", reviewer.textContent("ol.timeline .early"), "resolved before its resolve-by date, and marked");
        assertTrue(reviewer.textContent("#correction-table").contains("approved by reviewer"), reviewer.textContent("#correction-table"));
        assertTrue(reviewer.textContent("#correction-table").contains("0.75"), "the value as made stays visible");
        screenshot(reviewer, "corrected-after-verdict");
        reviewer.context().close();
    }

    @Test
    void aReviewerRejectsAProposalSayingWhyNextToTheField() {
        String paper = Ledger.paper("2024-11-13", "Rejected Author " + Ledger.unique("r"));
        long id = Ledger.forecast(paper, Ledger.theme("Rejection theme"), 0.75, "2025-11-30", "editor");
        as("reviewer").body(java.util.Map.of("forecastVersion", 0, "outcome", "TRUE", "resolvedOn", "2025-11-30",
                "rationale", "It happened.")).post("/api/forecasts/" + id + "/resolutions").then().statusCode(201);
        as("editor2").body(java.util.Map.of("version", 1, "reason", "Lower it.", "probability", 0.2, "probabilityBasis", "EDITOR"))
                .post("/api/forecasts/" + id + "/corrections").then().statusCode(202);
        Page reviewer = signedIn("reviewer2");
        reviewer.navigate(url("/forecasts/" + id));
        reviewer.click("#proposal-table a:has-text('Reject')");
        reviewer.click("form[action$='/reject'] button[type=submit]");
        assertTrue(reviewer.textContent("#note-error").contains("say why"), "a note is needed, said next to the field");
        reviewer.fill("#note", "The paper prints 75%.");
        reviewer.click("form[action$='/reject'] button[type=submit]");
        reviewer.waitForURL("**/forecasts/" + id + "?done=rejected#proposals");
        assertTrue(reviewer.textContent("#proposal-table").contains("REJECTED by reviewer2: The paper prints 75%."),
                reviewer.textContent("#proposal-table"));
        assertEquals("75%", reviewer.locator("[data-figure=probability]").textContent().substring(0, 3));
        reviewer.context().close();
    }

    @Test
    void anEditorWithdrawsAForecastOnItsPageAndItStaysThereScoredForNobody() {
        String paper = Ledger.paper("2024-11-13", "Withdrawn Author " + Ledger.unique("w"));
        long id = Ledger.forecast(paper, Ledger.theme("Withdrawal theme"), 0.6, "2026-01-01", "editor");
        Page editor = signedIn("editor2");
        editor.navigate(url("/forecasts/" + id));
        editor.click("#withdraw-link");
        editor.click("form[action$='/withdraw'] button[type=submit]");
        assertTrue(editor.textContent("#reason-error").contains("say why"), "a reason is needed, said next to the field");
        editor.fill("#reason", "Logged twice; forecast 1 is the same.");
        editor.click("form[action$='/withdraw'] button[type=submit]");
        editor.waitForURL("**/forecasts/" + id + "?done=withdrawn#withdrawn");
        assertTrue(editor.textContent("#withdrawn").contains("Logged twice; forecast 1 is the same."), editor.textContent("#withdrawn"));
        assertTrue(editor.textContent("#withdrawn").contains("scored for nobody"));
        assertEquals(0, editor.locator("#withdraw-link").count(), "nothing left to withdraw");
        assertEquals("WITHDRAWN", anonymous().get("/api/forecasts/" + id).jsonPath().getString("status"));
        editor.context().close();
    }

    @Test
    void logAForecastInThisPaperSavesItInThatPaperWhateverNumberOfPapersIsNewer() {
        String older = Ledger.paper("2019-03-04", "Older Paper Author " + Ledger.unique("o"));
        for (int i = 0; i < 205; i++) {
            Ledger.paper("2025-06-01", "Newer Paper Author " + Ledger.unique("n"));
        }
        String theme = Ledger.theme("Fixed paper theme");
        Page editor = signedIn("editor");
        editor.navigate(url("/papers/" + older));
        editor.click("a:has-text('Log a forecast in this paper')");
        String title = anonymous().get("/api/sources/" + older).jsonPath().getString("title");
        assertTrue(editor.textContent("#paper-fixed").contains(title), editor.textContent("#paper-fixed"));
        assertEquals(older, editor.inputValue("input[name=paper]"));
        editor.fill("#quote", "The older thing is expected to happen.");
        editor.fill("#statement", "The older thing happens.");
        editor.fill("#phrase", "is expected to");
        editor.fill("#resolveBy", "2021-01-01");
        editor.fill("#theme-0", theme);
        editor.click("button[value=save]");
        editor.waitForURL("**/forecasts/*");
        long id = Long.parseLong(editor.url().replaceAll(".*/forecasts/(\\d+).*", "$1"));
        assertEquals(older, anonymous().get("/api/forecasts/" + id).jsonPath().getString("paper.slug"));
        // without a paper in the link, any paper can be named, not only the newest 200
        editor.navigate(url("/staff/forecasts/new"));
        assertEquals("", editor.inputValue("input[name=paper]"), "no paper is chosen for the editor");
        editor.context().close();
    }

    @Test
    void anEditorPastesAPapersTextAndAcceptsAndRejectsItsCandidates() {
        String paper = Ledger.paper("2024-11-13", "Assistant Author " + Ledger.unique("a"));
        Page editor = signedIn("editor");
        editor.navigate(url("/papers/" + paper));
        editor.fill("#text", "Xi Jinping is expected to visit South Korea during the APEC in November 2025.\n\n"
                + "South Korea should host a summit.\n\nPessimists caution that Seoul and Beijing will drift apart.");
        editor.click("button:has-text('Find the forecasts')");
        assertEquals(2, editor.locator("#candidate-table tbody tr").count(), "two forecasts, no recommendation");
        screenshot(editor, "extraction-candidates");
        editor.click("#candidate-table tbody tr:nth-child(2) button:has-text('Reject')");
        assertEquals(1, editor.locator("#candidate-table tbody tr").count(), "the rejected one is gone");
        // someone logs the same sentence by hand meanwhile: the assistant says so on the candidate
        long byHand = org.hindcast.testing.Staff.as("editor2").body(java.util.Map.of("paper", paper, "statement", "Xi visits.",
                        "quote", "Xi Jinping is expected to visit South Korea during the APEC in November 2025.",
                        "phrase", "is expected to", "resolveBy", "2025-11-30", "resolveByBasis", "STATED",
                        "themes", java.util.List.of(Ledger.theme("Assistant theme"))))
                .post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");
        editor.reload();
        assertEquals("already logged as #" + byHand, editor.locator("#candidate-table a.logged").textContent());
        editor.click("a:has-text('Accept')");
        assertEquals("Xi Jinping is expected to visit South Korea during the APEC in November 2025.", editor.inputValue("#quote"));
        assertEquals("2025-11-30", editor.inputValue("#resolveBy"));
        assertTrue(!editor.inputValue("input[name=start]").isEmpty(), "the candidate travels with the form");
        editor.click("button[value=save]");
        // the same quote again is a duplicate: refused next to the quote, naming the forecast already logged
        assertTrue(editor.textContent("#quote-error").contains("already logged as forecast " + byHand), editor.textContent("#quote-error"));
        // unless the sentence holds a second forecast, which the editor says
        editor.fill("#sameQuoteAs", Long.toString(byHand));
        editor.click("button[value=save]");
        editor.waitForURL("**/forecasts/*");
        assertEquals("75%", editor.locator("[data-figure=probability]").textContent().substring(0, 3));
        editor.navigate(url("/papers/" + paper));
        assertEquals(0, editor.locator("#candidate-table tbody tr").count(), "both decided");
        editor.context().close();
    }

    @Test
    void aCandidateWithWordingTheTableLacksIsProposedAtTheEditorsReadingAndSavedAsTheirs() {
        // "risks weakening" carries an estimate no phrase of the table has (rules 2026.3): the page says whose reading it is
        String paper = Ledger.paper("2024-11-13", "Cue Author " + Ledger.unique("a"));
        Page editor = signedIn("editor");
        editor.navigate(url("/papers/" + paper));
        editor.fill("#text", "The dispute over the port deal risks weakening the alliance's cooperation on export controls.");
        editor.click("button:has-text('Find the forecasts')");
        assertEquals(1, editor.locator("#candidate-table tbody tr").count());
        assertTrue(editor.textContent("#candidate-table .editors-reading").contains("read as 'could'"),
                editor.textContent("#candidate-table"));
        editor.click("a:has-text('Accept')");
        assertEquals("0.4", editor.inputValue("input[name=probability]"));
        assertEquals("EDITOR", editor.inputValue("#probabilityBasis"));
        editor.fill("[name=statement]", "The port dispute weakens the alliance's export-control cooperation.");
        editor.click("button[value=save]");
        editor.waitForURL("**/forecasts/*");
        assertTrue(editor.locator("[data-figure=probability]").textContent().startsWith("40%"),
                editor.locator("[data-figure=probability]").textContent());
        editor.context().close();
    }

    @Test
    void staffScreensNeedTheRightRoleAndAValidFormToken() {
        Page reader = readerPage();
        reader.navigate(url("/staff/papers/new"));
        assertTrue(reader.url().contains("/login"), "a reader is asked to sign in");
        reader.context().close();

        Page analyst = signedIn("analyst");
        var response = analyst.navigate(url("/staff/papers/new"));
        assertEquals(403, response.status());
        // A form posted without the token (as another site would) is refused and changes nothing.
        var forged = analyst.request().post(url("/staff/forecasts/1/evidence"), com.microsoft.playwright.options.RequestOptions.create()
                .setForm(com.microsoft.playwright.options.FormData.create().set("summary", "forged").set("observedOn", "2025-01-01")
                        .set("citationUrl", "https://example.org").set("stance", "SUPPORTS")));
        assertEquals(403, forged.status());
        analyst.context().close();
        assertEquals(0, anonymous().get("/api/forecasts/1/evidence").jsonPath().getList("findAll { it.summary == 'forged' }").size());
    }

    @Test
    void browsersGetTheSitesErrorPagesWhileApiClientsKeepProblemJson() {
        Page reader = readerPage();
        var missing = reader.navigate(url("/no-such-page"));
        assertEquals(404, missing.status());
        assertTrue(missing.headers().get("content-type").startsWith("text/html"), missing.headers().get("content-type"));
        assertEquals("Not found", reader.textContent("h1"));
        assertEquals("There is no page at this address.", reader.textContent("#problem-detail"));
        assertTrue(reader.locator("header.site nav").isVisible(), "the site's own page, with its navigation");
        var noForecast = reader.navigate(url("/forecasts/999999999"));
        assertEquals(404, noForecast.status());
        assertEquals("Not found", reader.textContent("h1"));
        reader.context().close();

        Page analyst = signedIn("analyst");
        var refused = analyst.navigate(url("/staff/papers/new"));
        assertEquals(403, refused.status());
        assertEquals("Not allowed", analyst.textContent("h1"));
        screenshot(analyst, "error-403");
        analyst.context().close();

        var api = anonymous().accept("application/json").get("/api/no-such-thing");
        assertEquals(404, api.statusCode());
        assertTrue(api.contentType().startsWith("application/problem+json"), api.contentType());
        var apiFromABrowser = anonymous().accept("text/html,application/xhtml+xml").get("/api/forecasts/999999999");
        assertTrue(apiFromABrowser.contentType().startsWith("application/problem+json"), "the API answers problem+json even to a browser");
    }
}
