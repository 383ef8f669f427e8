package org.hindcast.evidence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

@Path("/api/forecasts/{id}/evidence")
public class EvidenceResource {

    @Inject
    EvidenceService evidence;

    @Inject
    ForecastService forecasts;

    @Inject
    Caller caller;

    public record NewEvidenceBody(@NotBlank @Size(max = 4000) String summary,
                                  @NotNull LocalDate observedOn,
                                  @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String citationUrl,
                                  @Size(max = 100) String citedSource,
                                  @Size(max = 1000) String citationNote,
                                  @NotNull Stance stance) {
    }

    @GET
    public List<ForecastView.EvidenceView> list(@PathParam("id") long id) {
        forecasts.get(id);
        return Evidence.of(id).stream().map(ForecastView.EvidenceView::of).toList();
    }

    @Transactional
    @POST
    @RolesAllowed("ANALYST")
    public Response add(@PathParam("id") long id, @Valid @NotNull NewEvidenceBody body) {
        Evidence e = evidence.add(caller.name(), id, new EvidenceService.NewEvidence(body.summary(), body.observedOn(),
                body.citationUrl(), body.citedSource(), body.citationNote(), body.stance()));
        return Response.created(URI.create("/api/forecasts/" + id + "/evidence/" + e.id))
                .entity(ForecastView.EvidenceView.of(e)).build();
    }
}
