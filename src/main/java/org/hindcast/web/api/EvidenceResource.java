package org.hindcast.web.api;

import org.hindcast.evidence.Evidence;
import org.hindcast.evidence.EvidenceService;

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

@Path("/api/forecasts/{id}/evidence")
public class EvidenceResource {

    @Inject
    EvidenceService evidence;

    @Inject
    ForecastService forecasts;

    @Inject
    Caller caller;

    @Operation(summary = "A forecast's evidence")
    @GET
    public List<ForecastView.EvidenceView> list(@PathParam("id") long id) {
        forecasts.get(id);
        return Evidence.of(id).stream().map(ForecastView.EvidenceView::of).toList();
    }

    @Operation(summary = "Attach evidence to a forecast", description = "A URL or a later paper of the ledger; observed on or after the forecast was made. Every wrong field is named in one answer.")
    @POST
    @RolesAllowed("ANALYST")
    public Response add(@PathParam("id") long id, @NotNull EvidenceService.NewEvidence body) {
        // the service checks the body: the same rules, in one answer, for the API, the pages and the imports
        Evidence e = evidence.add(caller.name(), id, body);
        return Response.created(URI.create("/api/forecasts/" + id + "/evidence/" + e.id))
                .entity(ForecastView.EvidenceView.of(Evidence.findById(e.id))).build();
    }
}
