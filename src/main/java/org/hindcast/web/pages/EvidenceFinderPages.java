package org.hindcast.web.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.hindcast.evidence.Stance;
import org.hindcast.evidencefinder.EvidenceFinderService;
import org.hindcast.papers.PaperService;
import org.hindcast.papers.PaperView;
import org.hindcast.problems.ApiException;
import org.hindcast.users.Role;

import java.util.Map;

/**
 * The evidence finder's screen for a paper: the sentences that bear on earlier pending forecasts, best first and
 * paged, each with its page, score, guessed stance and reason; an analyst accepts one as evidence (the stance as
 * guessed or changed) or rejects it. The same service as {@code /api/papers/{slug}/evidence-proposals}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class EvidenceFinderPages {

    /** The most proposals a paper's screen pages through. */
    static final int MOST = 1000;

    @Inject
    PageContext page;

    @Inject
    Viewer viewer;

    @Inject
    Csrf csrf;

    @Inject
    EvidenceFinderService finder;

    @Inject
    PaperService papers;

    @Inject
    PageErrors errors;

    @Location("pages/evidence-finder.html")
    Template screen;

    private void requireStaff(String returnTo) {
        viewer.requireSignedIn(returnTo);
        if (!viewer.has(Role.ANALYST) && !viewer.has(Role.REVIEWER) && !viewer.has(Role.EDITOR)) {
            throw new PageException(403, "The evidence finder is for analysts, reviewers and editors; your account has none of these roles.");
        }
    }

    @GET
    @Path("staff/papers/{slug}/evidence")
    public Response proposals(@PathParam("slug") String slug, @QueryParam("page") String pageNo) {
        requireStaff("/staff/papers/" + slug + "/evidence");
        PaperView paper = PaperView.of(papers.get(slug));
        EvidenceFinderService.Found found = finder.propose(slug, MOST);
        int index = Pager.index(pageNo);
        int from = (int) Math.min(found.proposals().size(), (long) index * PublicPages.PAGE);
        return StaffPages.html(page.with(screen, "Evidence in " + paper.title()).data("paper", paper).data("found", found)
                .data("shown", found.proposals().subList(from, Math.min(found.proposals().size(), from + PublicPages.PAGE)))
                .data("pager", new Pager("/staff/papers/" + slug + "/evidence", Map.of(), "page", "proposals", index, PublicPages.PAGE,
                        found.proposals().size()))
                .data("stances", Stance.values()).data("pageIndex", index), 200);
    }

    @POST
    @Path("staff/papers/{slug}/evidence/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        viewer.require(Role.ANALYST, "/staff/papers/" + slug + "/evidence");
        csrf.check(form.getFirst("csrf"));
        Decision d = Decision.of(form);
        Stance stance;
        try {
            stance = Stance.valueOf(String.valueOf(form.getFirst("stance")));
        } catch (IllegalArgumentException e) {
            throw new PageException(400, "Choose whether the sentence supports or refutes the forecast, or is context.");
        }
        finder.accept(viewer.name(), slug, d.forecast(), d.start(), d.end(), stance, null);
        return Response.seeOther(Flash.to(back(slug, form), "proposal-accepted")).build();
    }

    @POST
    @Path("staff/papers/{slug}/evidence/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        viewer.require(Role.ANALYST, "/staff/papers/" + slug + "/evidence");
        csrf.check(form.getFirst("csrf"));
        Decision d = Decision.of(form);
        finder.reject(viewer.name(), slug, d.forecast(), d.start(), d.end());
        return Response.seeOther(Flash.to(back(slug, form), "proposal-rejected")).build();
    }

    private static String back(String slug, MultivaluedMap<String, String> form) {
        int index = Pager.index(form.getFirst("page"));
        return "/staff/papers/" + slug + "/evidence" + (index == 0 ? "" : "?page=" + index) + "#proposals";
    }

    /** The proposal a form names: its forecast and its sentence's offsets. */
    record Decision(long forecast, int start, int end) {
        static Decision of(MultivaluedMap<String, String> form) {
            try {
                return new Decision(Long.parseLong(form.getFirst("forecastId")), Integer.parseInt(form.getFirst("start")),
                        Integer.parseInt(form.getFirst("end")));
            } catch (NumberFormatException e) {
                throw new PageException(400, "The form lost the proposal it was about; reload the page.");
            }
        }
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public Response onPage(ApiException ex) {
        return errors.apiOnPage(ex);
    }
}
