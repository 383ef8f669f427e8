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
import java.util.Comparator;
import java.util.List;

/** The public pages: what readers come for. Server-rendered, complete without JavaScript. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    @Inject
    PageContext page;

    @Inject
    TrackRecordService records;

    @Inject
    org.hindcast.platform.SnapshotCache cache;

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
    public TemplateInstance authors(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int pageNo) {
        int pageIndex = Math.min(10_000, Math.max(0, pageNo));
        var list = authors.list(q, pageIndex, 50);
        PageOf<AuthorView> found = new PageOf<>(list.items().stream().map(AuthorView::of).toList(), pageIndex, 50, list.total());
        return page.with(authorsIndex, "Authors").data("found", found).data("q", q == null ? "" : q)
                .data("board", leaderboards.leaderboard(null, 1, 0, 200));
    }

    /** What the author page shows, as plain values: remembered per ledger snapshot (SnapshotCache). */
    public record AuthorPage(AuthorView author, TrackRecord record, List<ForecastView> resolved, long resolvedTotal,
                             List<ForecastView> pending, long pendingTotal) {
    }

    @GET
    @Path("authors/{slug}")
    public Object author(@PathParam("slug") String slug) {
        if (!viewer.signedIn()) {
            // Every reader who is not signed in gets the same page: it is rendered once per ledger snapshot.
            return cache.read("author-page-html", slug, () -> authorPage(authorPage(slug)).render());
        }
        return authorPage(cache.read("author-page", slug, () -> authorPage(slug)));
    }

    private TemplateInstance authorPage(AuthorPage data) {
        TrackRecord record = data.record();
        return page.with(author, record.scope().name())
                .data("record", record)
                .data("author", data.author())
                .data("sentence", RecordSentence.sentence(record))
                .data("calibration", Charts.calibration(record.figures().calibration(), "calibration"))
                .data("overTime", Charts.brierOverTime(runningBrier(data.resolved()), "brier-over-time"))
                .data("resolved", data.resolved()).data("resolvedTotal", data.resolvedTotal())
                .data("pending", data.pending())
                .data("pendingTotal", data.pendingTotal());
    }

    private AuthorPage authorPage(String slug) {
        org.hindcast.authors.Author found = authors.get(slug);
        TrackRecord record = records.ofAuthor(found);
        LocalDate today = LocalDate.now();
        PageOf<Forecast> resolved = forecasts.ofAuthor(found.id, true, 0, 200);
        PageOf<Forecast> pending = forecasts.ofAuthor(found.id, false, 0, 200);
        return new AuthorPage(AuthorView.of(found), record,
                resolved.items().stream().map(f -> ForecastView.summary(f, today)).toList(), resolved.total(),
                pending.items().stream().map(f -> ForecastView.summary(f, today)).toList(), pending.total());
    }

    /** The mean Brier of the scored forecasts resolved up to each resolution date. */
    static List<Charts.Point> runningBrier(List<ForecastView> resolved) {
        List<ForecastView> scored = resolved.stream().filter(f -> f.brier() != null)
                .sorted(Comparator.comparing(ForecastView::resolvedOn).thenComparing(ForecastView::id)).toList();
        List<Charts.Point> points = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < scored.size(); i++) {
            sum += scored.get(i).brier();
            boolean lastOfDay = i == scored.size() - 1 || !scored.get(i + 1).resolvedOn().equals(scored.get(i).resolvedOn());
            if (lastOfDay) {
                points.add(new Charts.Point(scored.get(i).resolvedOn(), sum / (i + 1)));
            }
        }
        return points;
    }

    @GET
    @Path("themes")
    public TemplateInstance themes() {
        return page.with(themesIndex, "Themes").data("themes", themes.list());
    }

    @GET
    @Path("themes/{slug}")
    public TemplateInstance theme(@PathParam("slug") String slug) {
        TrackRecord record = records.ofTheme(slug);
        LocalDate today = LocalDate.now();
        var filter = new ForecastInput.Filter(null, slug, null, null, null, null, null, null, null, null, null);
        PageOf<Forecast> list = forecasts.list(filter, "-madeOn", 0, 200);
        return page.with(theme, record.scope().name()).data("record", record).data("sentence", RecordSentence.sentence(record))
                .data("calibration", Charts.calibration(record.figures().calibration(), "calibration"))
                .data("forecasts", list.items().stream().map(f -> ForecastView.summary(f, today)).toList())
                .data("total", list.total());
    }

    @GET
    @Path("papers")
    public TemplateInstance papers(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int pageNo) {
        PageOf<Paper> found = papers.list(q, null, Math.min(10_000, Math.max(0, pageNo)), 50);
        return page.with(papersIndex, "Papers").data("q", q == null ? "" : q)
                .data("papers", found.items().stream().map(PaperView::of).toList()).data("total", found.total());
    }

    @GET
    @Path("papers/{slug}")
    public TemplateInstance paper(@PathParam("slug") String slug) {
        Paper stored = papers.get(slug);
        PaperView source = PaperView.of(stored);
        LocalDate today = LocalDate.now();
        var filter = new ForecastInput.Filter(null, null, slug, null, null, null, null, null, null, null, null);
        PageOf<Forecast> list = forecasts.list(filter, "id", 0, 200);
        List<org.hindcast.extraction.Candidate> candidates = List.of();
        boolean hasText = false;
        if (viewer.has(org.hindcast.users.Role.EDITOR)) {
            hasText = extraction.text(stored.id) != null;
            candidates = hasText ? extraction.candidates(slug) : List.of();
        }
        return page.with(paper, source.title()).data("paper", source).data("record", records.ofPaper(slug))
                .data("hasText", hasText).data("candidates", candidates)
                .data("forecasts", list.items().stream().map(f -> ForecastView.summary(f, today)).toList());
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
        ForecastView view = ForecastView.detail(forecasts.get(forecastId), LocalDate.now());
        return page.with(forecast, "Forecast " + view.id()).data("f", view);
    }

    @GET
    @Path("search")
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("author") String author,
                                   @QueryParam("theme") String themeSlug, @QueryParam("status") String status,
                                   @QueryParam("page") @DefaultValue("0") int pageNo) {
        String error = null;
        List<ForecastView> results = List.of();
        long total = 0;
        try {
            var filter = new ForecastInput.Filter(Text.blankToNull(author), Text.blankToNull(themeSlug), null,
                    QueryParams.enumValue("status", Text.blankToNull(status), ForecastStatus.class), null, null, null, null, null, null, Text.blankToNull(q));
            PageOf<Forecast> found = forecasts.list(filter, "-madeOn", Math.min(10_000, Math.max(0, pageNo)), 50);
            results = found.items().stream().map(f -> ForecastView.summary(f, LocalDate.now())).toList();
            total = found.total();
        } catch (ApiException e) {
            error = e.getMessage();
        }
        return page.with(search, "Search").data("q", q == null ? "" : q).data("author", author == null ? "" : author)
                .data("theme", themeSlug == null ? "" : themeSlug).data("status", status == null ? "" : status)
                .data("results", results).data("total", total).data("error", error)
                .data("themes", themes.list()).data("page", Math.min(10_000, Math.max(0, pageNo)))
                .data("hasNext", total > (long) (Math.min(10_000, Math.max(0, pageNo)) + 1) * 50)
                .data("statuses", ForecastStatus.values());
    }

    @Inject
    PageErrors errors;

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public jakarta.ws.rs.core.Response onPage(ApiException e) {
        return errors.apiOnPage(e);
    }

}
