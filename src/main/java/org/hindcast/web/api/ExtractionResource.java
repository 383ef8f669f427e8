package org.hindcast.web.api;

import org.hindcast.extraction.Candidate;
import org.hindcast.extraction.ExtractionService;
import org.hindcast.extraction.Extractor;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hindcast.web.Caller;
import org.hindcast.forecasts.ForecastInput;
import org.hindcast.web.ForecastView;
import org.hindcast.forecasts.ProbabilityBasis;
import org.hindcast.forecasts.ResolveByBasis;
import org.hindcast.forecasts.Speaker;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * The extraction assistant: attach a paper's text, read its candidate forecasts, accept or reject them.
 * Each endpoint has its full class-level path, so that none hides GET /api/papers/{slug}.
 */
public final class ExtractionResource {

    private ExtractionResource() {
    }

    public record Candidates(String paper, String rulesVersion, String phraseTableVersion, List<Candidate> candidates) {
    }

    public record Span(@NotNull @Min(0) Integer start, @NotNull @Min(1) Integer end) {
    }

    /** An accepted candidate: its span, and whatever the editor changed (the rest comes from the candidate). */
    public record Acceptance(@NotNull @Min(0) Integer start, @NotNull @Min(1) Integer end,
                             @Size(max = 2000) String statement, Speaker speaker, @Size(max = 300) String thirdParty,
                             @Size(max = 2000) String condition, @Size(max = 200) String phrase, Double probability,
                             ProbabilityBasis probabilityBasis, LocalDate resolveBy, ResolveByBasis resolveByBasis,
                             @Size(max = 1000) String resolveByNote, @Size(max = 2000) String resolutionCriteria,
                             @Size(max = 20) List<@Size(max = 100) String> themes, Long sameQuoteAs) {
    }

    static Candidates candidates(ExtractionService extraction, String slug) {
        Extractor e = extraction.extractor();
        return new Candidates(slug, e.rules().version(), extraction.phraseTableVersion(), extraction.candidates(slug));
    }

    @Path("/api/papers/{slug}/text")
    public static class Text {
        @Inject
        ExtractionService extraction;

        @Inject
        Caller caller;

        /** Stores the paper's plain text (the body) and answers its candidate forecasts. */
        @Operation(summary = "Attach a paper's plain text", description = "Stores the text (text/plain) and answers the forecast candidates the extraction assistant finds in it.")
        @POST
        @Consumes(MediaType.TEXT_PLAIN)
        @RolesAllowed("EDITOR")
        public Candidates attach(@PathParam("slug") String slug, String text) {
            extraction.attachText(caller.name(), slug, text);
            return candidates(extraction, slug);
        }

        @Inject
        org.hindcast.ingestion.IngestionService ingestion;

        /** Reads the paper's PDF (the body) and stores its text with its pages, then answers the candidates. */
        @Operation(summary = "Attach a paper's PDF", description = "Reads the PDF (application/pdf): its text in reading order, "
                + "without running headers, footers and page numbers, hyphenation joined, two columns read in order; each "
                + "candidate names its page. An encrypted, scanned, damaged or oversized file is refused (422 or 413) and changes nothing.")
        @POST
        @Consumes("application/pdf")
        @RolesAllowed("EDITOR")
        public Candidates attachPdf(@PathParam("slug") String slug, byte[] pdf) {
            ingestion.attachPdf(caller.name(), slug, pdf);
            return candidates(extraction, slug);
        }
    }

    @Path("/api/papers/{slug}/candidates")
    public static class Open {
        @Inject
        ExtractionService extraction;

        @Operation(summary = "The paper's forecast candidates", description = "Each sentence that forecasts, with offsets, phrase, probability, a suggested resolve-by date, themes and flags; candidates already logged are marked.")
        @GET
        public Candidates list(@PathParam("slug") String slug) {
            return candidates(extraction, slug);
        }
    }

    @Path("/api/papers/{slug}/candidates/accept")
    public static class Accept {
        @Inject
        ExtractionService extraction;

        @Inject
        org.hindcast.forecasts.ForecastService forecasts;

        @Inject
        Caller caller;

        @Operation(summary = "Accept a candidate as a forecast", description = "Logs a forecast whose quote points back into the stored text; a negated candidate is saved in its positive form.")
        @POST
        @RolesAllowed("EDITOR")
        public Response accept(@PathParam("slug") String slug, @Valid @NotNull Acceptance a) {
        var f = extraction.accept(caller.name(), slug, a.start(), a.end(), new ForecastInput.NewForecast(slug, a.statement(),
                null, a.speaker(), a.thirdParty(), a.condition(), a.phrase(), a.probability(), a.probabilityBasis(), null, null,
                a.resolveBy(), a.resolveByBasis(), a.resolveByNote(), a.resolutionCriteria(), a.themes(), null, a.sameQuoteAs()));
        return Response.created(URI.create("/api/forecasts/" + f.id)).entity(ForecastView.detail(forecasts.get(f.id), LocalDate.now())).build();
        }
    }

    @Path("/api/papers/{slug}/candidates/reject")
    public static class Reject {
        @Inject
        ExtractionService extraction;

        @Inject
        Caller caller;

        @Operation(summary = "Reject a candidate", description = "Remembered: the candidate is not proposed again.")
        @POST
        @RolesAllowed("EDITOR")
        public Response reject(@PathParam("slug") String slug, @Valid @NotNull Span span) {
            extraction.reject(caller.name(), slug, span.start(), span.end());
            return Response.noContent().build();
        }
    }
}
