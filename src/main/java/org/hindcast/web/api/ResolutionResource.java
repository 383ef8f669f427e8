package org.hindcast.web.api;

import org.hindcast.resolutions.Resolution;
import org.hindcast.resolutions.ResolutionService;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.hindcast.web.Caller;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.web.ForecastView;

import java.net.URI;
import java.util.List;

@Path("/api/forecasts/{id}/resolutions")
public class ResolutionResource {

    @Inject
    ResolutionService resolutions;

    @Inject
    ForecastService forecasts;

    @Inject
    Caller caller;

    @Operation(summary = "A forecast's resolution history", description = "Append-only; the latest verdict counts.")
    @GET
    public List<ForecastView.ResolutionView> history(@PathParam("id") long id) {
        forecasts.get(id);
        return Resolution.of(id).stream().map(ForecastView.ResolutionView::of).toList();
    }

    @Operation(summary = "Resolve or re-resolve a forecast", description = "Send the forecast's version (409 when stale); a re-resolution needs a reason. Whoever logged or corrected the forecast may not resolve it. A verdict before resolve-by is marked early.")
    @POST
    @RolesAllowed("REVIEWER")
    public Response resolve(@PathParam("id") long id, @NotNull ResolutionService.Verdict body) {
        // the service checks the body: the same rules, in one answer, for the API, the page and the imports
        Resolution r = resolutions.resolve(caller.name(), id, body);
        // the resolution as written: every field the answer shows was loaded or set by the write (no second read)
        return Response.created(URI.create("/api/forecasts/" + id + "/resolutions/" + r.seq))
                .entity(ForecastView.ResolutionView.of(r)).build();
    }
}
