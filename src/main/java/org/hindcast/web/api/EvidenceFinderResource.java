package org.hindcast.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hindcast.evidence.Evidence;
import org.hindcast.evidence.Stance;
import org.hindcast.evidencefinder.EvidenceFinderService;
import org.hindcast.evidencefinder.FinderRuns;
import org.hindcast.web.Caller;
import org.hindcast.web.ForecastView;

import java.net.URI;

/** The evidence finder: the sentences of a later paper that bear on pending forecasts; accept or reject each. */
@Path("/api/papers/{slug}/evidence-proposals")
public class EvidenceFinderResource {

    @Inject
    EvidenceFinderService finder;

    @Inject
    FinderRuns runs;

    @Inject
    Caller caller;

    /** A proposal named by its forecast and its sentence's offsets; stance and summary default to the proposal's. */
    public record Decision(@NotNull Long forecastId, @NotNull @Min(0) Integer start, @NotNull @Min(1) Integer end, Stance stance,
                           @Size(max = 4000) String summary) {
    }

    @Operation(summary = "Evidence proposals from a paper", description = "For the pending forecasts made before the paper: "
            + "the sentences of its stored text that bear on them, best first, each with its offsets, page, a guessed stance "
            + "and the reason. Rejected proposals and sentences already quoted as evidence are left out.")
    @GET
    @RolesAllowed({"ANALYST", "REVIEWER", "EDITOR"})
    public EvidenceFinderService.Found list(@PathParam("slug") String slug,
                                            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return finder.propose(slug, limit);
    }

    @Operation(summary = "The finder's run on attach", description = "When a paper's text is attached the finder runs in the "
            + "background: QUEUED, RUNNING, then DONE with the forecasts read, the proposals found and the time taken (or FAILED "
            + "with the reason). 404 when the paper's current text has no run.")
    @GET
    @Path("last-run")
    @RolesAllowed({"ANALYST", "REVIEWER", "EDITOR"})
    public FinderRuns.Run lastRun(@PathParam("slug") String slug) {
        return runs.lastRun(slug);
    }

    @Operation(summary = "Accept a proposal", description = "Evidence for the forecast citing the paper, the sentence its quote.")
    @POST
    @Path("accept")
    @RolesAllowed("ANALYST")
    public Response accept(@PathParam("slug") String slug, @Valid @NotNull Decision body) {
        Evidence e = finder.accept(caller.name(), slug, body.forecastId(), body.start(), body.end(), body.stance(), body.summary());
        return Response.created(URI.create("/api/forecasts/" + body.forecastId() + "/evidence/" + e.id))
                .entity(ForecastView.EvidenceView.of(e)).build();
    }

    @Operation(summary = "Reject a proposal", description = "It is not proposed again for this paper and forecast.")
    @POST
    @Path("reject")
    @RolesAllowed("ANALYST")
    public Response reject(@PathParam("slug") String slug, @Valid @NotNull Decision body) {
        finder.reject(caller.name(), slug, body.forecastId(), body.start(), body.end());
        return Response.noContent().build();
    }
}
