package org.hindcast.resolutions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.hindcast.common.Caller;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.forecasts.ForecastView;

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

    @GET
    public List<ForecastView.ResolutionView> history(@PathParam("id") long id) {
        forecasts.get(id);
        return Resolution.of(id).stream().map(ForecastView.ResolutionView::of).toList();
    }

    @Transactional
    @POST
    @RolesAllowed("REVIEWER")
    public Response resolve(@PathParam("id") long id, @NotNull ResolutionService.Verdict body) {
        // the service checks the body: the same rules, in one answer, for the API, the page and the imports
        Resolution r = resolutions.resolve(caller.name(), id, body);
        return Response.created(URI.create("/api/forecasts/" + id + "/resolutions/" + r.seq))
                .entity(ForecastView.ResolutionView.of(r)).build();
    }
}
