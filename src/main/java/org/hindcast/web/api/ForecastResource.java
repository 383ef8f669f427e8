package org.hindcast.web.api;

import org.hindcast.web.ForecastView;
import org.hindcast.forecasts.CorrectionProposal;
import org.hindcast.forecasts.CorrectionProposals;
import org.hindcast.forecasts.Forecast;
import org.hindcast.forecasts.ForecastInput;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.forecasts.ForecastStatus;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.hindcast.web.Caller;
import org.hindcast.common.PageOf;
import org.hindcast.common.QueryParams;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

@Path("/api/forecasts")
public class ForecastResource {

    @Inject
    ForecastService forecasts;

    @Inject
    Caller caller;

    @Inject
    CorrectionProposals proposals;

    @Operation(summary = "Forecasts", description = "Filter by author, theme (with sub-themes), paper, status, dates, overdue, "
            + "due within a number of days, without evidence, and words (full-text, web-search syntax, over statements, quotes, "
            + "paper titles and author names); excludeMine leaves out what the signed-in caller logged or corrected "
            + "(the reviewers' queue); sorted (relevance when words are given) and paged (size at most 200).")
    @GET
    public PageOf<ForecastView> list(@QueryParam("author") @Size(max = 100) String author,
                                     @QueryParam("theme") @Size(max = 100) String theme,
                                     @QueryParam("paper") @Size(max = 100) String paper,
                                     @Parameter(hidden = true, description = "the old name of paper") @QueryParam("source") @Size(max = 100) String source,
                                     @QueryParam("status") String status,
                                     @QueryParam("resolved") String resolved,
                                     @QueryParam("madeFrom") String madeFrom,
                                     @QueryParam("madeTo") String madeTo,
                                     @QueryParam("resolveByFrom") String resolveByFrom,
                                     @QueryParam("resolveByTo") String resolveByTo,
                                     @QueryParam("overdue") String overdue,
                                     @QueryParam("q") @Size(max = 200) String text,
                                     @QueryParam("dueWithinDays") @Min(0) @Max(3660) Integer dueWithinDays,
                                     @QueryParam("withoutEvidence") String withoutEvidence,
                                     @QueryParam("excludeMine") String excludeMine,
                                     @QueryParam("sort") @Pattern(regexp = "relevance|-?(madeOn|resolveBy)|id",
                                             message = "one of relevance, madeOn, -madeOn, resolveBy, -resolveBy, id") String sort,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        var filter = new ForecastInput.Filter(author, theme, paper != null ? paper : source,
                QueryParams.enumValue("status", status, ForecastStatus.class), QueryParams.bool("resolved", resolved),
                QueryParams.date("madeFrom", madeFrom), QueryParams.date("madeTo", madeTo),
                QueryParams.date("resolveByFrom", resolveByFrom), QueryParams.date("resolveByTo", resolveByTo),
                QueryParams.bool("overdue", overdue), text, dueWithinDays,
                Boolean.TRUE.equals(QueryParams.bool("excludeMine", excludeMine)) && caller.signedIn() ? caller.name() : null,
                QueryParams.bool("withoutEvidence", withoutEvidence));
        PageOf<Forecast> found = forecasts.list(filter, sort, page, size);
        LocalDate today = LocalDate.now();
        return new PageOf<>(found.items().stream().map(f -> ForecastView.summary(f, today)).toList(),
                page, size, found.total());
    }

    @Operation(summary = "One forecast", description = "With its evidence, resolution history, corrections and proposals.")
    @GET
    @Path("{id}")
    public ForecastView get(@PathParam("id") long id) {
        return ForecastView.detail(forecasts.get(id), LocalDate.now());
    }

    /** A forecast of the same event in another paper, with how alike the two statements are (0-1). */
    public record SameEventView(ForecastView forecast, double similarity) {
    }

    @jakarta.inject.Inject
    org.hindcast.forecasts.SameEvent sameEvent;

    @Operation(summary = "Forecasts of the same event in other papers", description = "Statements that share the forecast's "
            + "rarest words and at least 40% of their words, most alike first (at most 20).")
    @GET
    @Path("{id}/same-event")
    public List<SameEventView> sameEvent(@PathParam("id") long id) {
        LocalDate today = LocalDate.now();
        return sameEvent.of(id, 20).stream().map(m -> new SameEventView(ForecastView.summary(m.forecast(), today), m.similarity())).toList();
    }

    @Operation(summary = "Log a forecast", description = "A quote already logged in the paper is refused (409, with a link) unless sameQuoteAs names the forecast it shares the sentence with. Every wrong field is named in one answer.")
    @POST
    @RolesAllowed("EDITOR")
    public Response create(@Valid @NotNull ForecastInput.NewForecast body) {
        Forecast f = forecasts.create(caller.name(), body);
        return Response.created(URI.create("/api/forecasts/" + f.id))
                .entity(ForecastView.detail(forecasts.get(f.id), LocalDate.now())).build();
    }

    /**
     * Corrects a logged forecast; the old values stay in its correction history. After its verdict, a change of
     * its probability, phrase, statement, condition or dates is not applied but proposed: 202 with the proposal,
     * which another editor or reviewer approves or rejects.
     */
    @Operation(summary = "Correct a forecast", description = "Each changed field is kept with its old value. After the verdict a change of what it said (probability, phrase, statement, condition, dates) answers 202 with a proposal for a second staff member.")
    @POST
    @Path("{id}/corrections")
    @RolesAllowed("EDITOR")
    public Response correct(@PathParam("id") long id, @Valid @NotNull ForecastInput.Correction body) {
        CorrectionProposals.Outcome outcome = proposals.submit(caller.name(), id, body);
        if (outcome.proposed() != null) {
            return Response.accepted(ForecastView.ProposalView.of(CorrectionProposal.findById(outcome.proposed().id)))
                    .location(URI.create("/api/forecasts/" + id + "/correction-proposals/" + outcome.proposed().id)).build();
        }
        return Response.ok(ForecastView.detail(forecasts.get(id), LocalDate.now())).build();
    }

    public record Withdrawal(@NotNull Long version, @NotNull @jakarta.validation.constraints.NotBlank
                             @jakarta.validation.constraints.Size(max = 2000) String reason) {
    }

    /**
     * Withdraws a forecast (a duplicate, a mistake): it stays, with its history, scored for nobody. Before its
     * verdict at once (200); after it, 202 with a proposal that another editor or reviewer approves.
     */
    @Operation(summary = "Withdraw a forecast", description = "A duplicate or a mistake, with a reason: it stays, scored for nobody. After its verdict, 202 with a proposal for a second staff member.")
    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed("EDITOR")
    public Response withdraw(@PathParam("id") long id, @Valid @NotNull Withdrawal body) {
        CorrectionProposals.Outcome outcome = proposals.withdraw(caller.name(), id, body.version(), body.reason());
        if (outcome.proposed() != null) {
            return Response.accepted(ForecastView.ProposalView.of(CorrectionProposal.findById(outcome.proposed().id)))
                    .location(URI.create("/api/forecasts/" + id + "/correction-proposals/" + outcome.proposed().id)).build();
        }
        return Response.ok(ForecastView.detail(forecasts.get(id), LocalDate.now())).build();
    }

    @Operation(summary = "A correction or withdrawal proposal")
    @GET
    @Path("{id}/correction-proposals/{proposal}")
    public ForecastView.ProposalView proposal(@PathParam("id") long id, @PathParam("proposal") long proposal) {
        return ForecastView.ProposalView.of(proposals.get(id, proposal));
    }

    /** A second staff member approves a correction proposed after the verdict: it is applied, naming both. */
    @Operation(summary = "Approve a proposal", description = "A second staff member applies it; both names are kept.")
    @POST
    @Path("{id}/correction-proposals/{proposal}/approve")
    @RolesAllowed({"EDITOR", "REVIEWER"})
    public ForecastView approve(@PathParam("id") long id, @PathParam("proposal") long proposal) {
        proposals.approve(caller.name(), id, proposal);
        return ForecastView.detail(forecasts.get(id), LocalDate.now());
    }

    public record Rejection(@NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000) String note) {
    }

    @Operation(summary = "Reject a proposal", description = "With a note saying why.")
    @POST
    @Path("{id}/correction-proposals/{proposal}/reject")
    @RolesAllowed({"EDITOR", "REVIEWER"})
    public ForecastView.ProposalView reject(@PathParam("id") long id, @PathParam("proposal") long proposal,
                                            @Valid @NotNull Rejection body) {
        proposals.reject(caller.name(), id, proposal, body.note());
        return ForecastView.ProposalView.of(CorrectionProposal.findById(proposal));
    }
}
