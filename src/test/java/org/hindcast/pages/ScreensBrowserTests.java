package org.hindcast.pages;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The screens of issue 16 in a real browser: the queues and the resolve screen, search and its paging, choosers
 * and "did you mean", the leaderboard, the admin screens and their success messages; and every page type checked
 * by axe-core, signed in and out, in light and dark mode, and on a phone's width.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreensBrowserTests {

    @TestHTTPResource("/")
    URL base;

    @jakarta.inject.Inject
    org.hindcast.testing.Ledger ledger;

    Playwright playwright;
    Browser browser;

    @BeforeEach
    void aBrowserAndTheCorpus() {
        if (browser == null) {
            as("admin").post("/api/admin/corpus/import").then().statusCode(200);
            Staff.ensure();
            playwright = org.hindcast.pages.Browser.playwright();
            browser = org.hindcast.pages.Browser.launch(playwright);
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

    private Page reader(int width, ColorScheme scheme) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900).setColorScheme(scheme)).newPage();
    }

    private Page signedIn(String user, int width, ColorScheme scheme) {
        Page page = reader(width, scheme);
        page.navigate(url("/login"));
        page.fill("#username", user);
        page.fill("#password", user.equals("admin") ? Staff.ADMIN_PASSWORD : Staff.PASSWORD);
        page.click("main button[type=submit]");
        page.waitForURL("**/staff");
        return page;
    }

    private Page signedIn(String user) {
        return signedIn(user, 1200, ColorScheme.LIGHT);
    }

    private static String iso(LocalDate d) {
        return d.toString();
    }

    @Test
    void theReviewersQueueShowsWhatIsDueLeavesOutTheirOwnAndResolvesFromTheRowWithEverythingOnScreen() {
        String themeName = "Queue theme " + Ledger.unique("q");
        String theme = Ledger.theme(themeName);
        String paper = Ledger.paper("2025-01-01", "Queue Author " + Ledger.unique("a"));
        LocalDate today = LocalDate.now();
        long overdue = Ledger.forecast(paper, theme, 0.7, "2025-06-30", "editor");
        long ownSoon = Ledger.forecast(paper, theme, 0.6, iso(today.plusDays(10)), "editor-reviewer");
        long later = Ledger.forecast(paper, theme, 0.4, iso(today.plusDays(200)), "editor");
        as("analyst").body(Map.of("summary", "A later report says it did not happen.", "observedOn", "2025-07-02",
                        "citationUrl", "https://example.org/report", "stance", "REFUTES"))
                .post("/api/forecasts/" + overdue + "/evidence").then().statusCode(201);

        Page page = signedIn("editor-reviewer");
        page.navigate(url("/staff/queue"));
        page.fill("#theme", themeName);
        page.click("form.filters button[type=submit]");
        assertTrue(page.isVisible("tr[data-forecast='" + overdue + "']"), "the overdue forecast is in the queue");
        assertFalse(page.isVisible("tr[data-forecast='" + ownSoon + "']"), "the reviewer's own is left out");
        assertFalse(page.isVisible("tr[data-forecast='" + later + "']"), "one due in 200 days is outside 30 days");
        assertEquals("1", page.textContent("tr[data-forecast='" + overdue + "'] td.num:nth-of-type(5)").trim(), "its evidence count");
        page.selectOption("#window", "365");
        page.click("form.filters button[type=submit]");
        assertTrue(page.isVisible("tr[data-forecast='" + later + "']"), "a wider window takes it in");
        assertTrue(page.url().contains("window=365") && page.url().contains("theme="), page.url());

        page.click("tr[data-forecast='" + overdue + "'] a:has-text('Resolve')");
        assertTrue(page.textContent("#resolve-quote").contains("is expected to happen"));
        assertTrue(page.textContent("#resolve-condition").contains("unconditional"));
        assertTrue(page.isVisible("#resolve-criteria"));
        String evidence = page.textContent("#evidence-choices");
        assertTrue(evidence.contains("Refutes") && evidence.contains("2025-07-02") && evidence.contains("https://example.org/report"), evidence);
        page.click("#evidence-choices label");
        assertTrue(page.isChecked("#evidence-choices input[type=checkbox]"), "the label belongs to its checkbox");
        page.selectOption("#outcome", "FALSE");
        page.fill("#rationale", "The later report says it did not happen.");
        page.click("button:has-text('Record the verdict')");
        page.waitForURL("**/forecasts/" + overdue + "?done=resolved");
        assertTrue(page.textContent("#flash").contains("The verdict is recorded"));
        page.context().close();

        Page other = signedIn("reviewer");
        other.navigate(url("/staff/queue?theme=" + theme));
        assertTrue(other.isVisible("tr[data-forecast='" + ownSoon + "']"), "another reviewer sees it");
        assertFalse(other.isVisible("tr[data-forecast='" + overdue + "']"), "resolved: no longer due");
        other.context().close();

        Page analyst = signedIn("analyst");
        analyst.navigate(url("/staff/queue/evidence?theme=" + theme));
        assertTrue(analyst.isVisible("tr[data-forecast='" + ownSoon + "'] a:has-text('Attach evidence')"), "due soon, no evidence");
        analyst.context().close();
    }

    @Test
    void searchFindsWordsOfQuotesTitlesAndNamesAndItsPagesKeepAnyQueryText() {
        String word = "zebrafish" + Ledger.unique("w").replaceAll("[^0-9]", "");
        String theme = Ledger.theme("Search theme " + word);
        String authorName = "Searchable Person " + Ledger.unique("p").replaceAll("[^0-9]", "x");
        String paper = Ledger.paper("2025-02-01", authorName);
        for (int i = 0; i < 53; i++) {
            Map<String, Object> body = Map.of("paper", paper, "statement", "The " + word + " number " + i + " is released.",
                    "quote", "The " + word + " number " + i + " is likely to be released.", "probability", 0.6,
                    "probabilityBasis", "EDITOR", "resolveBy", "2026-01-01", "resolveByBasis", "STATED", "themes", List.of(theme));
            as("editor").body(body).post("/api/forecasts").then().statusCode(201);
        }
        Page page = reader(1200, ColorScheme.LIGHT);
        String typed = word + " & # + % \"released\"";
        page.navigate(url("/search"));
        page.fill("#q", typed);
        page.click("form[role=search] button[type=submit]");
        assertEquals("53 forecasts", page.textContent("#results").trim());
        assertEquals(50, page.locator("table tbody tr").count());
        page.click("nav.pager a[rel=next] >> nth=0");
        assertEquals(3, page.locator("table tbody tr").count(), "the second page holds the rest");
        assertEquals(typed, page.inputValue("#q"), "the query text survives paging, whatever its characters");
        page.click("nav.pager a[rel=prev] >> nth=0");
        assertEquals(50, page.locator("table tbody tr").count());

        page.navigate(url("/search"));
        page.fill("#author", authorName.toLowerCase());
        page.click("form[role=search] button[type=submit]");
        assertEquals("53 forecasts", page.textContent("#results").trim(), "an author picked by typing the name");
        page.navigate(url("/search?q=" + java.net.URLEncoder.encode(authorName, java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("53 forecasts", page.textContent("#results").trim(), "words find authors' names");
        page.navigate(url("/search?author=Nobody+Named+This+Way"));
        assertTrue(page.textContent("#author-error").contains("no author is named"), "a name that finds no one, next to the field");
        page.context().close();
    }

    @Test
    void aNewAuthorNameCloseToAnExistingOneAsksDidYouMeanAndSavesWhenConfirmed() {
        Page page = signedIn("editor");
        page.navigate(url("/staff/papers/new"));
        page.fill("#title", "A paper by " + Ledger.unique("t"));
        page.fill("#publisher", "Test Institute");
        page.fill("#published", "2025-03");
        page.fill("#authors", "Donggyu Lee");
        page.click("form[action='/staff/papers'] button[type=submit]");
        String error = page.textContent("#authors-error");
        assertTrue(error.contains("did you mean 'Lee Dong-gyu' (lee-dong-gyu)"), error);
        assertEquals("Donggyu Lee", page.inputValue("#authors"), "what was typed is kept");
        page.check("#newAuthors");
        page.click("form[action='/staff/papers'] button[type=submit]");
        page.waitForURL("**/papers/*?done=paper-added");
        assertTrue(page.textContent("#flash").contains("The paper is saved"));
        page.context().close();
    }

    @Test
    void theLeaderboardPageFiltersByThemeAndPeriodAndStatesTheMinimum() {
        Page page = reader(1200, ColorScheme.LIGHT);
        page.navigate(url("/leaderboard"));
        assertTrue(page.textContent("#ranking-rule").contains("at least 1 resolved forecast"));
        int all = page.locator("#leaderboard tbody tr").count();
        assertTrue(all > 0);
        page.selectOption("#min", "5");
        page.click("form.filters button[type=submit]");
        assertTrue(page.textContent("#ranking-rule").contains("at least 5 resolved forecasts"));
        page.fill("#theme", "Korean Peninsula");
        page.selectOption("#period", "all");
        page.click("form.filters button[type=submit]");
        assertTrue(page.textContent("h1").startsWith("Leaderboard: "), page.textContent("h1"));
        page.navigate(url("/leaderboard?theme=no-such-theme-at-all"));
        assertTrue(page.textContent("#theme-error").contains("no theme"));
        page.context().close();
    }

    @Test
    void anAdministratorManagesAccountsAndAuthorsOnScreensWithAMessageAfterEachWrite() {
        Page page = signedIn("admin");
        page.navigate(url("/staff/admin/users"));
        String name = "screens-" + Ledger.unique("u").replaceAll("[^0-9]", "");
        page.fill("#username", name);
        page.fill("#displayName", "Screens Test");
        page.fill("#password", "short");
        page.check("#role-ANALYST");
        page.click("form[action='/staff/admin/users'] button[type=submit]");
        assertTrue(page.textContent("#password-error").contains("12"), page.textContent("#password-error"));
        assertTrue(page.isChecked("#role-ANALYST"), "the roles chosen are kept");
        page.fill("#password", "a-long-enough-passphrase-1");
        page.click("form[action='/staff/admin/users'] button[type=submit]");
        page.waitForURL("**/staff/admin/users/" + name + "?done=user-created");
        assertTrue(page.textContent("#flash").contains("The account is created"));
        page.check("#role-REVIEWER");
        page.click("main form.stack button[type=submit]");
        page.waitForURL("**/staff/admin/users/" + name + "?done=user-updated");
        assertEquals(List.of("ANALYST", "REVIEWER"), as("admin").get("/api/users/" + name).jsonPath().getList("roles").stream().sorted().toList());

        String suffix = Ledger.unique("m").replaceAll("[^0-9]", "");
        String from = as("editor").body(Map.of("displayName", "Duplicate Person " + suffix)).post("/api/authors").then().statusCode(201)
                .extract().jsonPath().getString("slug");
        String into = as("editor").body(Map.of("displayName", "Kept Person " + suffix)).post("/api/authors").then().statusCode(201)
                .extract().jsonPath().getString("slug");
        Page editor = signedIn("editor");
        editor.navigate(url("/staff/admin/authors/" + into));
        editor.fill("#alias", "K. Person " + suffix);
        editor.click("form[action$='/aliases'] button[type=submit]");
        editor.waitForURL("**/staff/admin/authors/" + into + "?done=alias-added");
        assertTrue(editor.textContent("#aliases").contains("K. Person " + suffix));
        assertEquals(0, editor.locator("form[action$='/merge']").count(), "merging is the administrators'");
        editor.context().close();
        page.navigate(url("/staff/admin/authors/" + from));
        page.fill("#into", "Kept Person " + suffix);
        page.click("form[action$='/merge'] button[type=submit]");
        page.waitForURL("**/staff/admin/authors/" + into + "?done=authors-merged");
        assertTrue(page.textContent("#aliases").contains("Duplicate Person " + suffix), "the merged name follows");
        page.context().close();
    }

    /** Every page type, as a reader and as staff: no serious or critical axe-core violation, light and dark. */
    @Test
    void everyPageTypePassesAxeSignedInAndOutInLightAndDarkMode() {
        long forecast = ((Number) as("admin").get("/api/forecasts?paper=asan-2024-11-outlook-china-trump-second-term&size=1").jsonPath().getList("items.id").get(0)).longValue();
        List<String> reader = List.of("/", "/authors", "/authors/lee-dong-gyu", "/themes", "/themes/korean-peninsula", "/papers",
                "/papers/asan-2024-11-outlook-china-trump-second-term", "/forecasts/" + forecast, "/search?q=China", "/search?author=nobody-at-all",
                "/leaderboard", "/login", "/no-such-page");
        // a later paper with its text, and an earlier forecast it bears on: the evidence finder's screen has a proposal
        String theme = Ledger.theme("Axe finder theme");
        String earlier = Ledger.paper("2024-02-01", "Axe Finder Early " + Ledger.unique("e"));
        String later = Ledger.paper("2025-11-13", "Axe Finder Late " + Ledger.unique("l"));
        org.hindcast.evidencefinder.EvidenceFinderApiTests.forecast(earlier, theme, "Xi Jinping makes a state visit to Gyeongju.", null);
        as("editor").contentType("text/plain; charset=UTF-8").body("On October 30, Xi Jinping made a state visit to Gyeongju.")
                .post("/api/papers/" + later + "/text").then().statusCode(200);
        List<String> staff = List.of("/staff", "/staff/queue?window=365", "/staff/queue/evidence", "/staff/papers/new",
                "/staff/papers/from-web", "/staff/papers/" + later + "/evidence", "/papers/" + later,
                "/staff/forecasts/new", "/staff/forecasts/" + forecast + "/evidence", "/staff/forecasts/" + forecast + "/resolve",
                "/staff/forecasts/" + forecast + "/correct", "/staff/admin/users", "/staff/admin/authors",
                "/staff/admin/authors/lee-dong-gyu", "/papers/asan-2024-11-outlook-china-trump-second-term");
        List<String> failures = new ArrayList<>();
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            Page page = reader(1200, scheme);
            reader.forEach(p -> check(page, p, scheme + " reader", failures));
            page.context().close();
            Page admin = signedIn("admin", 1200, scheme);
            for (String user : List.of("editor-reviewer", "analyst")) {
                Page s = signedIn(user, 1200, scheme);
                staff.forEach(p -> {
                    if (!(user.equals("analyst") && (p.contains("/resolve") || p.contains("/correct") || p.contains("/new")
                            || p.contains("/from-web") || p.startsWith("/staff/admin")
                            || p.startsWith("/staff/queue?")))
                            && !(user.equals("editor-reviewer") && (p.contains("/evidence") || p.startsWith("/staff/admin/users")))) {
                        check(s, p, scheme + " " + user, failures);
                    }
                });
                s.context().close();
            }
            check(admin, "/staff/admin/users", scheme + " admin", failures);
            admin.context().close();
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private void check(Page page, String path, String who, List<String> failures) {
        page.navigate(url(path));
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")).analyze();
        if (results.getPasses().isEmpty()) {
            failures.add(who + " " + path + ": axe-core checked nothing");
        }
        results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .forEach(v -> failures.add(who + " " + path + ": " + v.getId() + " (" + v.getImpact() + ") "
                        + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList()));
    }

    /** On a phone's width no page scrolls sideways (long tables scroll in their frame); the focus ring is 3:1 or better. */
    @Test
    void onAPhoneNoPageScrollsSidewaysAndTheFocusRingStandsOut() {
        long forecast = ((Number) as("admin").get("/api/forecasts?paper=asan-2024-11-outlook-china-trump-second-term&size=1").jsonPath().getList("items.id").get(0)).longValue();
        List<String> failures = new ArrayList<>();
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            Page page = reader(375, scheme);
            for (String path : List.of("/", "/authors", "/authors/lee-dong-gyu", "/themes/korean-peninsula", "/papers",
                    "/papers/asan-2024-11-outlook-china-trump-second-term", "/forecasts/" + forecast, "/search?q=China", "/leaderboard")) {
                page.navigate(url(path));
                Object sideways = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                if (((Number) sideways).intValue() > 0) {
                    failures.add(scheme + " " + path + " scrolls sideways by " + sideways + "px");
                }
                page.focus("header.site nav a[href='/authors']");
                double ratio = ((Number) page.evaluate("() => {"
                        + "const rgb = s => s.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);"
                        + "const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });"
                        + "  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };"
                        + "const a = lum(rgb(getComputedStyle(document.activeElement).outlineColor));"
                        + "const b = lum(rgb(getComputedStyle(document.body).backgroundColor));"
                        + "return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }")).doubleValue();
                if (ratio < 3) {
                    failures.add(scheme + " " + path + ": focus outline contrast " + ratio);
                }
            }
            if (scheme == ColorScheme.DARK) {
                assertEquals("rgb(18, 18, 18)", page.evaluate("() => getComputedStyle(document.body).backgroundColor"),
                        "dark mode follows the system setting");
            }
            page.context().close();
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theForecastFormPicksThemesByTypingAndListsWhatAnUnclearNameCouldMean() {
        String word = Ledger.unique("typed").replace("-", " ");
        String alpha = Ledger.theme("Typed theme " + word + " alpha");
        String beta = Ledger.theme("Typed theme " + word + " beta");
        String paper = Ledger.paper("2024-05-01", "Typed Theme Author " + Ledger.unique("t"));
        long before = Staff.anonymous().get("/api/forecasts?paper=" + paper).jsonPath().getLong("total");
        Page editor = signedIn("editor");
        editor.navigate(url("/staff/forecasts/new?paper=" + paper));
        assertEquals(3, editor.locator("#themes input[name=themes]").count(), "three theme fields to start with");
        editor.fill("#quote", "The typed thing is expected to happen.");
        editor.fill("#statement", "The typed thing happens.");
        editor.fill("#phrase", "is expected to");
        editor.fill("#resolveBy", "2027-01-01");
        editor.fill("#theme-0", "Typed theme " + word);
        editor.fill("#theme-1", "No such theme " + word);
        editor.click("button[value=save]");
        assertTrue(editor.textContent("#theme-0-error").contains("2 themes match"), editor.textContent("#theme-0-error"));
        assertTrue(editor.textContent("#theme-0-error").contains(alpha) && editor.textContent("#theme-0-error").contains(beta));
        assertTrue(editor.textContent("#theme-1-error").contains("no theme is named"), editor.textContent("#theme-1-error"));
        assertTrue(editor.textContent("#themes-error").contains("names no single theme"));
        assertEquals("Typed theme " + word, editor.inputValue("#theme-0"), "what was typed is kept");
        assertEquals(before, Staff.anonymous().get("/api/forecasts?paper=" + paper).jsonPath().getLong("total"), "nothing saved");
        editor.fill("#theme-0", "Typed theme " + word + " alpha");
        editor.fill("#theme-1", beta);
        editor.click("button[value=save]");
        editor.waitForURL("**/forecasts/*");
        long id = Long.parseLong(editor.url().replaceAll(".*/forecasts/(\\d+).*", "$1"));
        assertEquals(java.util.stream.Stream.of(alpha, beta).sorted().toList(),
                Staff.anonymous().get("/api/forecasts/" + id).jsonPath().getList("themes", String.class).stream().sorted().toList());
        editor.context().close();
    }

    @Test
    void aPapersCandidatesArePagedAndARejectionReturnsToItsPage() {
        String paper = Ledger.paper("2024-05-01", "Candidate Pages Author " + Ledger.unique("c"));
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            text.append("Province number ").append(i).append(" is likely to elect a new governor in 2027.\n\n");
        }
        as("editor").contentType("text/plain").body(text.toString()).post("/api/papers/" + paper + "/text").then().statusCode(200);
        Page editor = signedIn("editor");
        editor.navigate(url("/papers/" + paper));
        assertEquals(50, editor.locator("#candidate-table tbody tr").count());
        assertTrue(editor.textContent("nav[aria-label='Pages of candidates']").contains("1–50 of 60"),
                editor.textContent("nav[aria-label='Pages of candidates']"));
        editor.click("nav[aria-label='Pages of candidates'] a[rel=next]");
        assertEquals(10, editor.locator("#candidate-table tbody tr").count());
        assertTrue(editor.textContent("#candidate-table").contains("Province number 60 "));
        editor.click("#candidate-table tbody tr:nth-child(1) button:has-text('Reject')");
        editor.waitForURL("**candidates=1**");
        assertEquals(9, editor.locator("#candidate-table tbody tr").count(), "back on the second page, one fewer");
        assertTrue(editor.textContent("nav[aria-label='Pages of candidates']").contains("51–59 of 59"));
        editor.context().close();
    }

    private long corpusForecast(String paper, String key) {
        return ((Number) ledger.scalar("select f.id from forecast f join paper p on p.id = f.paper_id where p.slug = ? and f.corpus_key = ?",
                paper, key)).longValue();
    }

    @Test
    void theSameEventForecastInTwoPapersIsShownBesideEachOnTheirPagesAndTheResolveScreen() {
        long first = corpusForecast("asan-2024-11-outlook-china-trump-second-term", "xi-visits-korea-apec-2025");
        long second = corpusForecast("asan-2024-12-rok-china-rapprochement", "yoon-hopes-xi-visit-apec");
        var api = Staff.anonymous().get("/api/forecasts/" + first + "/same-event").jsonPath();
        assertTrue(api.getList("forecast.id", Long.class).contains(second), api.prettify());
        assertTrue(api.getDouble("[0].similarity") >= 0.4, api.prettify());
        assertFalse(api.getList("forecast.id", Long.class).contains(first), "not itself");
        // the page shows the service's five most alike (other tests' forecasts may be among them)
        List<Long> fromApi = api.getList("forecast.id", Long.class);
        Page reader = reader(1200, ColorScheme.LIGHT);
        reader.navigate(url("/forecasts/" + first));
        assertEquals(fromApi.subList(0, Math.min(5, fromApi.size())), shown(reader), reader.textContent("main"));
        List<Long> ofSecond = Staff.anonymous().get("/api/forecasts/" + second + "/same-event").jsonPath().getList("forecast.id", Long.class);
        assertTrue(ofSecond.contains(first), "the other way round too: " + ofSecond);
        reader.navigate(url("/forecasts/" + second));
        assertEquals(ofSecond.subList(0, Math.min(5, ofSecond.size())), shown(reader), reader.textContent("main"));
        reader.context().close();
        Page reviewer = signedIn("reviewer");
        reviewer.navigate(url("/staff/forecasts/" + second + "/resolve"));
        assertEquals(ofSecond.subList(0, Math.min(5, ofSecond.size())), shown(reviewer), reviewer.textContent("main"));
        reviewer.context().close();
    }

    /** The forecasts the page lists under "The same event in other papers", in order. */
    private static List<Long> shown(Page page) {
        return page.locator("#same-event + .table-wrap tbody tr td:first-child a").all().stream()
                .map(a -> Long.parseLong(a.getAttribute("href").replaceAll(".*/forecasts/(\\d+).*", "$1"))).toList();
    }
}
