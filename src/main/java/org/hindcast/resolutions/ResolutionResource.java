package org.hindcast.resolutions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.time.LocalDate;
import java.util.List;

@Path("/api/forecasts/{id}/resolutions")
public class ResolutionResource {

    @Inject
    ResolutionService resolutions;

    @Inject
    ForecastService forecasts;

    @Inject
    Caller caller;

    public record NewResolution(@NotNull Long forecastVersion,
                                @NotNull Outcome outcome,
                                @DecimalMin("0") @DecimalMax("1") Double credit,
                                @NotNull LocalDate resolvedOn,
                                @NotBlank @Size(max = 4000) String rationale,
                                @Size(max = 2000) String reason,
                                @Size(max = 50) List<@NotNull Long> evidence) {
    }

    @GET
    public List<ForecastView.ResolutionView> history(@PathParam("id") long id) {
        forecasts.get(id);
        return Resolution.of(id).stream().map(ForecastView.ResolutionView::of).toList();
    }

    @Transactional
    @POST
    @RolesAllowed("REVIEWER")
    public Response resolve(@PathParam("id") long id, @Valid @NotNull NewResolution body) {
        Resolution r = resolutions.resolve(caller.name(), id, new ResolutionService.Verdict(body.forecastVersion(),
                body.outcome(), body.credit(), body.resolvedOn(), body.rationale(), body.reason(), body.evidence()));
        return Response.created(URI.create("/api/forecasts/" + id + "/resolutions/" + r.seq))
                .entity(ForecastView.ResolutionView.of(r)).build();
    }
}
