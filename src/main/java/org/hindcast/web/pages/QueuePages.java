package org.hindcast.web.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.hindcast.common.PageOf;
import org.hindcast.evidence.EvidenceService;
import org.hindcast.forecasts.Forecast;
import org.hindcast.forecasts.ForecastInput;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.papers.PaperService;
import org.hindcast.papers.PaperView;
import org.hindcast.problems.ApiException;
import org.hindcast.themes.ThemeService;
import org.hindcast.users.Role;
import org.hindcast.web.ForecastView;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staff's queues. Reviewers: the forecasts overdue or due within a chosen window, filtered by theme, paper
 * and author, sorted and paged, leaving out those the reviewer logged or corrected (VerdictRules.mayResolve),
 * each row with its actions. Analysts: the forecasts due soon that have no evidence yet. Both are the forecast
 * list of ForecastService with the queue's filters, so the API's {@code /api/forecasts?dueWithinDays=...} agrees.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class QueuePages {

    /** The windows offered, in days after today (overdue forecasts are always in). */
    static final List<Integer> WINDOWS = List.of(0, 7, 30, 90, 365);

    static final List<String> SORTS = List.of("resolveBy", "-resolveBy", "madeOn", "-madeOn");

    @Inject
    PageContext page;

    @Inject
    Viewer viewer;

    @Inject
    ForecastService forecasts;

    @Inject
    EvidenceService evidence;

    @Inject
    PaperService papers;

    @Inject
    ThemeService themes;

    @Inject
    Choosers choosers;

    @Inject
    PageErrors errors;

    @Location("pages/staff.html")
    Template desk;

    @Location("pages/queue.html")
    Template queue;

    /** The desk: what each of the signed-in person's roles has waiting, with the way to it. */
    @GET
    @Path("staff")
    public TemplateInstance desk() {
        viewer.requireSignedIn("/staff");
        String me = viewer.name();
        long toJudge = viewer.has(Role.REVIEWER)
                ? forecasts.list(ForecastInput.Filter.none().dueFor(30, me), "resolveBy", 0, 1).total() : 0;
        long overdueToJudge = viewer.has(Role.REVIEWER)
                ? forecasts.list(ForecastInput.Filter.none().dueFor(0, me), "resolveBy", 0, 1).total() : 0;
        long withoutEvidence = viewer.has(Role.ANALYST)
                ? forecasts.list(ForecastInput.Filter.none().dueFor(90, null).lackingEvidence(), "resolveBy", 0, 1).total() : 0;
        return page.with(desk, "Staff desk").data("toJudge", toJudge).data("overdueToJudge", overdueToJudge)
                .data("withoutEvidence", withoutEvidence)
                .data("papers", papers.list(null, null, 0, 10).items().stream().map(PaperView::of).toList());
    }

    @GET
    @Path("staff/queue")
    public TemplateInstance reviewers(@QueryParam("window") String window, @QueryParam("theme") String theme,
                                      @QueryParam("paper") String paper, @QueryParam("author") String author,
                                      @QueryParam("sort") String sort, @QueryParam("page") String pageNo) {
        if (!viewer.has(Role.REVIEWER) && viewer.has(Role.ANALYST)) {
            viewer.requireSignedIn("/staff/queue");
            throw new PageException(303, "/staff/queue/evidence");
        }
        viewer.require(Role.REVIEWER, "/staff/queue");
        return render(true, window, theme, paper, author, sort, pageNo);
    }

    @GET
    @Path("staff/queue/evidence")
    public TemplateInstance analysts(@QueryParam("window") String window, @QueryParam("theme") String theme,
                                     @QueryParam("paper") String paper, @QueryParam("author") String author,
                                     @QueryParam("sort") String sort, @QueryParam("page") String pageNo) {
        viewer.require(Role.ANALYST, "/staff/queue/evidence");
        return render(false, window, theme, paper, author, sort, pageNo);
    }

    /** One queue row: the forecast, how much evidence it has, and whether the viewer may resolve it. */
    public record Row(ForecastView forecast, long evidence) {
    }

    private TemplateInstance render(boolean reviewers, String window, String theme, String paper, String author, String sort,
                                    String pageNo) {
        int pageIndex = Pager.index(pageNo);
        int days = reviewers ? 30 : 90;
        Map<String, String> e = new LinkedHashMap<>();
        try {
            if (window != null && !window.isBlank()) {
                days = Integer.parseInt(window.trim());
                if (!WINDOWS.contains(days)) {
                    e.put("window", "choose one of the windows");
                }
            }
        } catch (NumberFormatException ex) {
            e.put("window", "choose one of the windows");
        }
        String order = sort == null || sort.isBlank() ? "resolveBy" : sort.trim();
        if (!SORTS.contains(order)) {
            e.put("sort", "choose one of the orders");
            order = "resolveBy";
        }
        Map<String, String> v = PublicPages.query("window", window, "theme", theme, "paper", paper, "author", author,
                "sort", sort);
        v.replaceAll((k, value) -> value == null ? "" : value.trim());
        Map<String, List<Choosers.Option>> options = new LinkedHashMap<>();
        String path = reviewers ? "/staff/queue" : "/staff/queue/evidence";
        Map<String, Choosers.Choice> choices = new LinkedHashMap<>();
        choices.put("theme", choosers.theme(theme));
        choices.put("paper", choosers.paper(paper));
        choices.put("author", choosers.author(author));
        choices.forEach((field, c) -> Choosers.offer(field, c, path, v, e, options));
        List<Row> rows = List.of();
        long total = 0;
        if (e.isEmpty()) {
            var filter = new ForecastInput.Filter(choices.get("author").slug(), choices.get("theme").slug(),
                    choices.get("paper").slug(), null, null, null, null, null, null, null, null)
                    .dueFor(days, reviewers ? viewer.name() : null);
            if (!reviewers) {
                filter = filter.lackingEvidence();
            }
            try {
                PageOf<Forecast> found = forecasts.list(filter, order, pageIndex, PublicPages.PAGE);
                LocalDate today = LocalDate.now();
                Map<Long, Long> counts = evidence.counts(found.items().stream().map(f -> f.id).toList());
                rows = found.items().stream().map(f -> new Row(ForecastView.summary(f, today), counts.getOrDefault(f.id, 0L))).toList();
                total = found.total();
            } catch (ApiException ex) {
                e.putAll(FormErrors.of(ex));
            }
        }
        return page.with(queue, reviewers ? "Forecasts to resolve" : "Forecasts that need evidence")
                .data("reviewers", reviewers).data("path", path).data("days", days).data("windows", WINDOWS)
                .data("sorts", SORTS).data("order", order)
                .data("v", v).data("e", e).data("options", options).data("rows", rows).data("total", total)
                .data("themes", themes.list())
                .data("pager", Pager.of(path, v, pageIndex, PublicPages.PAGE, total));
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public jakarta.ws.rs.core.Response onPage(ApiException ex) {
        return errors.apiOnPage(ex);
    }
}
