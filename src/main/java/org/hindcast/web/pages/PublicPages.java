package org.hindcast.web.pages;

import org.hindcast.common.Text;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.hindcast.authors.AuthorService;
import org.hindcast.authors.AuthorView;
import org.hindcast.common.PageOf;
import org.hindcast.common.QueryParams;
import org.hindcast.forecasts.Forecast;
import org.hindcast.forecasts.ForecastInput;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.forecasts.ForecastStatus;
import org.hindcast.web.ForecastView;
import org.hindcast.platform.SnapshotCache;
import org.hindcast.papers.Paper;
import org.hindcast.papers.PaperService;
import org.hindcast.papers.PaperView;
import org.hindcast.problems.ApiException;
import org.hindcast.resolutions.Resolution;
import org.hindcast.themes.ThemeService;
import org.hindcast.trackrecords.Leaderboard;
import org.hindcast.trackrecords.LeaderboardService;
import org.hindcast.trackrecords.TrackRecord;
import org.hindcast.trackrecords.TrackRecordService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.List;

/** The public pages: what readers come for. Server-rendered, complete without JavaScript. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    @Inject
    org.hindcast.evidencefinder.FinderRuns finderRuns;

    @Inject
    org.hindcast.forecasts.SameEvent sameEvent;

    @Inject
    PageContext page;

    @Inject
    TrackRecordService records;

    @Inject
    SnapshotCache cache;

    @Inject
    org.hindcast.web.Revalidation revalidation;

    @Inject
    LeaderboardService leaderboards;

    @Inject
    ForecastService forecasts;

    @Inject
    AuthorService authors;

    @Inject
    ThemeService themes;

    @Inject
    PaperService papers;

    @Inject
    org.hindcast.extraction.ExtractionService extraction;

    @Inject
    Viewer viewer;

    @Location("pages/home.html")
    Template home;

    @Location("pages/author.html")
    Template author;

    @Location("pages/authors.html")
    Template authorsIndex;

    @Location("pages/theme.html")
    Template theme;

    @Location("pages/themes.html")
    Template themesIndex;

    @Location("pages/paper.html")
    Template paper;

    @Location("pages/papers.html")
    Template papersIndex;

    @Location("pages/forecast.html")
    Template forecast;

    @Location("pages/search.html")
    Template search;

    /** A recent verdict for the home page. */
    public record LatestResolution(ForecastView forecast, ForecastView.ResolutionView resolution) {
    }

    @GET
    public TemplateInstance home() {
        LocalDate today = LocalDate.now();
        List<LatestResolution> latest = Resolution.<Resolution>find("order by createdAt desc, id desc").page(0, 8).list()
                .stream().map(r -> new LatestResolution(ForecastView.summary(r.forecast, today), ForecastView.ResolutionView.of(r)))
                .toList();
        Leaderboard board = leaderboards.leaderboard(null, 1, 0, 10);
        List<PaperView> newest = papers.list(null, null, 0, 8).items().stream().map(PaperView::of).toList();
        return page.with(home, "Hindcast").data("latest", latest).data("board", board).data("themes", themes.list())
                .data("papers", newest).data("forecastCount", Forecast.count());
    }

    @GET
    @Path("authors")
    public TemplateInstance authors(@QueryParam("q") String q, @QueryParam("page") String pageNo) {
        int pageIndex = Pager.index(pageNo);
        var list = authors.list(Text.blankToNull(q), pageIndex, PAGE);
        return page.with(authorsIndex, "Authors").data("found", list.items().stream().map(AuthorView::of).toList())
                .data("q", q == null ? "" : q)
                .data("pager", Pager.of("/authors", query("q", q), pageIndex, PAGE, list.total()));
    }

    /** How many rows a page's list shows at a time. */
    static final int PAGE = 50;

    /** A page's query values in order, for its pager's links. */
    static Map<String, String> query(String... namesAndValues) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            q.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return q;
    }

    /** What the author page shows, as plain values: remembered per ledger snapshot (SnapshotCache). */
    public record AuthorPage(AuthorView author, TrackRecord record, List<ForecastView> resolved, long resolvedTotal,
                             List<ForecastView> pending, long pendingTotal, int resolvedPage, int pendingPage) {
    }

    @GET
    @Path("authors/{slug}")
    public Object author(@PathParam("slug") String slug, @QueryParam("resolved") String resolvedPage,
                         @QueryParam("pending") String pendingPage, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.Request request) {
        int r = Pager.index(resolvedPage);
        int p = Pager.index(pendingPage);
        Object key = SnapshotCache.args(slug, r, p);
        if (!viewer.signedIn()) {
            // Every reader who is not signed in gets the same page: it is rendered once per ledger snapshot.
            // It carries the tag of its snapshot: a reader's browser revalidating it is answered 304 by one statement.
            // Signed-in readers get another page at the same address, hence Vary: Cookie.
            jakarta.ws.rs.core.Response page = revalidation.respond(request,
                    cache.answer("author-page-html", key, () -> authorPage(authorPage(slug, r, p)).render()),
                    jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
            page.getHeaders().add("Vary", "Cookie");
            return page;
        }
        return authorPage(cache.read("author-page", key, () -> authorPage(slug, r, p)));
    }

    private TemplateInstance authorPage(AuthorPage data) {
        TrackRecord record = data.record();
        String path = "/authors/" + data.author().slug();
        Map<String, String> q = query("resolved", data.resolvedPage() == 0 ? null : Integer.toString(data.resolvedPage()),
                "pending", data.pendingPage() == 0 ? null : Integer.toString(data.pendingPage()));
        List<Charts.Point> overTime = runningBrier(records.resolvedOfAuthor(data.author().slug()));
        return page.with(author, record.scope().name())
                .data("record", record)
                .data("author", data.author())
                .data("sentence", RecordSentence.sentence(record))
                .data("calibration", Charts.calibration(record.figures().calibration(), "calibration"))
                .data("overTime", Charts.brierOverTime(overTime, "brier-over-time"))
                .data("overTimePoints", overTime)
                .data("resolved", data.resolved()).data("resolvedTotal", data.resolvedTotal())
                .data("pending", data.pending())
                .data("pendingTotal", data.pendingTotal())
                .data("resolvedPager", new Pager(path, q, "resolved", "resolved", data.resolvedPage(), PAGE, data.resolvedTotal()))
                .data("pendingPager", new Pager(path, q, "pending", "pending", data.pendingPage(), PAGE, data.pendingTotal()))
                .data("feeds", List.of(new Feed("/feeds/authors/" + data.author().slug() + ".atom", "Verdicts on " + record.scope().name() + "'s forecasts"),
                        new Feed("/feeds/due/authors/" + data.author().slug() + ".atom", record.scope().name() + "'s forecasts falling due")))
                .data("exports", exports("author=" + data.author().slug()));
    }

    private AuthorPage authorPage(String slug, int resolvedPage, int pendingPage) {
        org.hindcast.authors.Author found = authors.get(slug);
        TrackRecord record = records.ofAuthor(found);
        LocalDate today = LocalDate.now();
        PageOf<Forecast> resolved = forecasts.ofAuthor(found.id, true, resolvedPage, PAGE);
        PageOf<Forecast> pending = forecasts.ofAuthor(found.id, false, pendingPage, PAGE);
        return new AuthorPage(AuthorView.of(found), record,
                resolved.items().stream().map(f -> ForecastView.summary(f, today)).toList(), resolved.total(),
                pending.items().stream().map(f -> ForecastView.summary(f, today)).toList(), pending.total(),
                resolvedPage, pendingPage);
    }

    /** A feed a page offers, linked on it and announced in its head for feed readers. */
    public record Feed(String href, String title) {
    }

    /** An export of what a page lists. */
    public record Export(String href, String label) {
    }

    static List<Export> exports(String filter) {
        return List.of(new Export("/api/exports/forecasts.csv?" + filter, "CSV"),
                new Export("/api/exports/forecasts.json?" + filter, "JSON"));
    }

    /** The mean Brier of the scored forecasts resolved up to each resolution date (the rows in resolution order). */
    static List<Charts.Point> runningBrier(List<TrackRecordService.Resolved> resolved) {
        List<Charts.Point> points = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < resolved.size(); i++) {
            sum += resolved.get(i).brier();
            boolean lastOfDay = i == resolved.size() - 1 || !resolved.get(i + 1).resolvedOn().equals(resolved.get(i).resolvedOn());
            if (lastOfDay) {
                points.add(new Charts.Point(resolved.get(i).resolvedOn(), sum / (i + 1)));
            }
        }
        return points;
    }

    /** The leaderboard's periods: all time, the last twelve months, and calendar years, by resolution date. */
    static final List<String> PERIODS = periods(LocalDate.now().getYear());

    static List<String> periods(int thisYear) {
        List<String> periods = new ArrayList<>(List.of("all", "12m"));
        for (int y = thisYear; y > thisYear - 5; y--) {
            periods.add(Integer.toString(y));
        }
        return periods;
    }

    static final List<Integer> MINIMUMS = List.of(1, 5, 10, 20, 50);

    @GET
    @Path("leaderboard")
    public TemplateInstance leaderboard(@QueryParam("theme") String themeTyped, @QueryParam("period") String period,
                                        @QueryParam("min") String min, @QueryParam("page") String pageNo) {
        int pageIndex = Pager.index(pageNo);
        Map<String, String> v = query("theme", themeTyped, "period", period, "min", min);
        v.replaceAll((k, value) -> value == null ? "" : value.trim());
        Map<String, String> e = new LinkedHashMap<>();
        Map<String, List<Choosers.Option>> options = new LinkedHashMap<>();
        Choosers.Choice t = choosers.theme(themeTyped);
        Choosers.offer("theme", t, "/leaderboard", v, e, options);
        String chosenPeriod = v.get("period").isEmpty() ? "all" : v.get("period");
        if (!PERIODS.contains(chosenPeriod)) {
            e.put("period", "choose one of the periods");
            chosenPeriod = "all";
        }
        int minimum = 1;
        try {
            minimum = v.get("min").isEmpty() ? 1 : Integer.parseInt(v.get("min"));
            if (!MINIMUMS.contains(minimum)) {
                e.put("min", "choose one of the minimums");
            }
        } catch (NumberFormatException ex) {
            e.put("min", "choose one of the minimums");
        }
        Leaderboard board = null;
        if (e.isEmpty()) {
            LocalDate today = LocalDate.now();
            board = switch (chosenPeriod) {
                case "all" -> leaderboards.leaderboard(t.slug(), minimum, pageIndex, PAGE);
                case "12m" -> leaderboards.period(t.slug(), today.minusYears(1), today, minimum, pageIndex, PAGE);
                default -> leaderboards.period(t.slug(), LocalDate.of(Integer.parseInt(chosenPeriod), 1, 1),
                        LocalDate.of(Integer.parseInt(chosenPeriod), 12, 31), minimum, pageIndex, PAGE);
            };
        }
        return page.with(leaderboardPage, "Leaderboard").data("v", v).data("e", e).data("options", options)
                .data("board", board).data("period", chosenPeriod).data("periods", PERIODS).data("minimum", minimum)
                .data("minimums", MINIMUMS).data("themes", themes.list()).data("themeName", t.chosen() ? themes.get(t.slug()).name : null)
                .data("pager", Pager.of("/leaderboard", v, pageIndex, PAGE, board == null ? 0 : board.total()));
    }

    @Location("pages/leaderboard.html")
    Template leaderboardPage;

    @GET
    @Path("themes")
    public TemplateInstance themes() {
        return page.with(themesIndex, "Themes").data("themes", themes.list());
    }

    @GET
    @Path("themes/{slug}")
    public TemplateInstance theme(@PathParam("slug") String slug, @QueryParam("page") String pageNo) {
        TrackRecord record = records.ofTheme(slug);
        LocalDate today = LocalDate.now();
        int pageIndex = Pager.index(pageNo);
        PageOf<Forecast> list = forecasts.list(ForecastInput.Filter.none().withTheme(slug), "-madeOn", pageIndex, PAGE);
        return page.with(theme, record.scope().name()).data("record", record).data("sentence", RecordSentence.sentence(record))
                .data("calibration", Charts.calibration(record.figures().calibration(), "calibration"))
                .data("forecasts", list.items().stream().map(f -> ForecastView.summary(f, today)).toList())
                .data("total", list.total())
                .data("pager", new Pager("/themes/" + slug, Map.of(), "page", "forecasts", pageIndex, PAGE, list.total()))
                .data("feeds", List.of(new Feed("/feeds/themes/" + slug + ".atom", "Verdicts on " + record.scope().name()),
                        new Feed("/feeds/due/themes/" + slug + ".atom", record.scope().name() + ": forecasts falling due")))
                .data("exports", exports("theme=" + slug))
                .data("slug", slug);
    }

    @GET
    @Path("papers")
    public TemplateInstance papers(@QueryParam("q") String q, @QueryParam("page") String pageNo) {
        int pageIndex = Pager.index(pageNo);
        PageOf<Paper> found = papers.list(Text.blankToNull(q), null, pageIndex, PAGE);
        return page.with(papersIndex, "Papers").data("q", q == null ? "" : q)
                .data("papers", found.items().stream().map(PaperView::of).toList()).data("total", found.total())
                .data("pager", Pager.of("/papers", query("q", q), pageIndex, PAGE, found.total()));
    }

    @GET
    @Path("papers/{slug}")
    public TemplateInstance paper(@PathParam("slug") String slug, @QueryParam("page") String pageNo,
                                  @QueryParam("candidates") String candidatesNo) {
        Paper stored = papers.get(slug);
        PaperView source = PaperView.of(stored);
        LocalDate today = LocalDate.now();
        int pageIndex = Pager.index(pageNo);
        int candidatesIndex = Pager.index(candidatesNo);
        PageOf<Forecast> list = forecasts.list(ForecastInput.Filter.none().withPaper(slug), "id", pageIndex, PAGE);
        List<org.hindcast.extraction.Candidate> candidates = List.of();
        int candidatesTotal = 0;
        boolean hasText = false;
        org.hindcast.evidencefinder.FinderRuns.Run finderRun = null;
        if (viewer.has(org.hindcast.users.Role.ANALYST) || viewer.has(org.hindcast.users.Role.REVIEWER)
                || viewer.has(org.hindcast.users.Role.EDITOR)) {
            hasText = extraction.text(stored.id) != null;
            finderRun = hasText ? finderRuns.last(stored.id).orElse(null) : null;
        }
        if (viewer.has(org.hindcast.users.Role.EDITOR)) {
            List<org.hindcast.extraction.Candidate> all = hasText ? extraction.candidates(slug) : List.of();
            candidatesTotal = all.size();
            int from = (int) Math.min(all.size(), (long) candidatesIndex * PAGE);
            candidates = all.subList(from, Math.min(all.size(), from + PAGE));
        }
        // each list's pager keeps the other list's page
        Map<String, String> q = query("page", pageIndex == 0 ? null : Integer.toString(pageIndex),
                "candidates", candidatesIndex == 0 ? null : Integer.toString(candidatesIndex));
        return page.with(paper, source.title()).data("paper", source).data("record", records.ofPaper(slug))
                .data("hasText", hasText).data("finderRun", finderRun).data("candidates", candidates).data("candidatesTotal", candidatesTotal)
                .data("candidatesPager", new Pager("/papers/" + slug, q, "candidates", "candidates", candidatesIndex, PAGE, candidatesTotal))
                .data("forecasts", list.items().stream().map(f -> ForecastView.summary(f, today)).toList())
                .data("total", list.total())
                .data("pager", new Pager("/papers/" + slug, q, "page", "forecasts", pageIndex, PAGE, list.total()))
                .data("exports", exports("paper=" + slug));
    }

    @GET
    @Path("forecasts/{id}")
    public TemplateInstance forecast(@PathParam("id") String id) {
        long forecastId;
        try {
            forecastId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("forecast", id);
        }
        LocalDate today = LocalDate.now();
        ForecastView view = ForecastView.detail(forecasts.get(forecastId), today);
        return page.with(forecast, "Forecast " + view.id()).data("f", view)
                .data("sameEvent", sameEvent.of(forecastId, 5).stream().map(m -> ForecastView.summary(m.forecast(), today)).toList());
    }

    @GET
    @Path("search")
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("author") String author,
                                   @QueryParam("theme") String themeTyped, @QueryParam("paper") String paperTyped,
                                   @QueryParam("status") String status, @QueryParam("madeFrom") String madeFrom,
                                   @QueryParam("madeTo") String madeTo, @QueryParam("overdue") String overdue,
                                   @QueryParam("sort") String sort, @QueryParam("page") String pageNo) {
        int pageIndex = Pager.index(pageNo);
        Map<String, String> v = query("q", q, "author", author, "theme", themeTyped, "paper", paperTyped, "status", status,
                "madeFrom", madeFrom, "madeTo", madeTo, "overdue", overdue, "sort", sort);
        v.replaceAll((k, value) -> value == null ? "" : value.trim());
        Map<String, String> e = new LinkedHashMap<>();
        Map<String, List<Choosers.Option>> options = new LinkedHashMap<>();
        Choosers.Choice a = choosers.author(author);
        Choosers.Choice t = choosers.theme(themeTyped);
        Choosers.Choice p = choosers.paper(paperTyped);
        Choosers.offer("author", a, "/search", v, e, options);
        Choosers.offer("theme", t, "/search", v, e, options);
        Choosers.offer("paper", p, "/search", v, e, options);
        ForecastStatus chosenStatus = null;
        try {
            chosenStatus = QueryParams.enumValue("status", Text.blankToNull(v.get("status")), ForecastStatus.class);
        } catch (ApiException ex) {
            e.put("status", "choose one of the statuses");
        }
        LocalDate from = date(v.get("madeFrom"), "madeFrom", e);
        LocalDate to = date(v.get("madeTo"), "madeTo", e);
        if (!v.get("sort").isEmpty() && !ForecastService.SORTS.contains(v.get("sort"))) {
            e.put("sort", "choose one of the orders");
        }
        List<ForecastView> results = List.of();
        long total = 0;
        boolean searched = v.values().stream().anyMatch(x -> !x.isEmpty());
        if (e.isEmpty() && searched) {
            try {
                var filter = new ForecastInput.Filter(a.slug(), t.slug(), p.slug(), chosenStatus, null, from, to, null, null,
                        "on".equals(v.get("overdue")) || "true".equals(v.get("overdue")) ? Boolean.TRUE : null, Text.blankToNull(v.get("q")));
                PageOf<Forecast> found = forecasts.list(filter, Text.blankToNull(v.get("sort")), pageIndex, PAGE);
                results = found.items().stream().map(f -> ForecastView.summary(f, LocalDate.now())).toList();
                total = found.total();
            } catch (ApiException ex) {
                FormErrors.of(ex).forEach((field, message) -> e.put(field.equals("text") ? "q" : field, message));
            }
        }
        // the exports filter by author, theme and paper (not by words): offered when one of those is chosen
        String exportFilter = Stream.of(Map.entry("author", a.slug() == null ? "" : a.slug()),
                        Map.entry("theme", t.slug() == null ? "" : t.slug()), Map.entry("paper", p.slug() == null ? "" : p.slug()))
                .filter(x -> !x.getValue().isEmpty())
                .map(x -> x.getKey() + "=" + java.net.URLEncoder.encode(x.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return page.with(search, "Search").data("v", v).data("e", e).data("options", options)
                .data("searched", searched)
                .data("results", results).data("total", total)
                .data("themes", themes.list())
                .data("pager", Pager.of("/search", v, pageIndex, PAGE, total))
                .data("sorts", ForecastService.SORTS)
                .data("exports", exportFilter.isEmpty() ? List.of() : exports(exportFilter))
                .data("statuses", ForecastStatus.values());
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException ex) {
            errors.put(field, "'" + text + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    @Inject
    Choosers choosers;

    @Inject
    PageErrors errors;

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public jakarta.ws.rs.core.Response onPage(ApiException e) {
        return errors.apiOnPage(e);
    }

}
