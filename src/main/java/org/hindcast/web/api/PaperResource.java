package org.hindcast.web.api;

import org.hindcast.papers.Paper;
import org.hindcast.papers.PaperService;
import org.hindcast.papers.PaperView;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.hindcast.web.Caller;
import org.hindcast.common.PageOf;
import org.hindcast.common.Slugs;

import java.net.URI;
import java.util.List;

/** Sources of forecasts: the papers. The API says "source", the pages say "paper". */
@Path("/api/papers")
public class PaperResource {

    static final String DATE = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";

    @Inject
    PaperService papers;

    @Inject
    Caller caller;

    /**
     * An author as printed: by slug, or by name (found by any printed form, or created). A new name with the words of
     * another author's ("Donggyu Lee" beside "Lee Dong-gyu") is refused with "did you mean" unless newPerson is true.
     */
    public record PrintedAuthorInput(@Size(max = 100) String slug, @Size(max = 200) String name,
                                     @Size(max = 300) String affiliation, Boolean newPerson) {
        public PrintedAuthorInput(String slug, String name, String affiliation) {
            this(slug, name, affiliation, null);
        }
    }

    public record NewPaper(@Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = "lower-case words joined by hyphens") String slug,
                            @NotBlank @Size(max = 500) String title,
                            @NotBlank @Size(max = 300) String publisher,
                            @Size(max = 300) String series,
                            @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String url,
                            @NotBlank @Pattern(regexp = DATE, message = "must be YYYY-MM-DD, YYYY-MM or YYYY") String published,
                            @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$", message = "must be a language tag such as 'en'") String language,
                            @NotEmpty @Size(max = 50) List<@Valid @NotNull PrintedAuthorInput> authors,
                            @Size(max = 1000) String note,
                            @Size(max = 300) String sourceText) {
    }

    public record PaperChange(@NotNull Long version,
                               @Size(min = 1, max = 500) String title,
                               @Size(min = 1, max = 300) String publisher,
                               @Size(max = 300) String series,
                               @Size(max = 2000) @Pattern(regexp = "^(https?://\\S+)?$", message = "must be an http(s) URL") String url,
                               @Pattern(regexp = DATE, message = "must be YYYY-MM-DD, YYYY-MM or YYYY") String published,
                               @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$", message = "must be a language tag such as 'en'") String language,
                               @Size(min = 1, max = 50) List<@Valid @NotNull PrintedAuthorInput> authors,
                               @Size(max = 1000) String note,
                               @Size(max = 300) String sourceText) {
    }

    @Operation(summary = "Papers", description = "Filter by words (q) and author; paged.")
    @GET
    public PageOf<PaperView> list(@QueryParam("q") @Size(max = 200) String query,
                                   @QueryParam("author") @Size(max = 100) String author,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        PageOf<Paper> found = papers.list(query, author, page, size);
        return new PageOf<>(found.items().stream().map(PaperView::of).toList(), page, size, found.total());
    }

    @Operation(summary = "One paper")
    @GET
    @Path("{slug}")
    public PaperView get(@PathParam("slug") String slug) {
        return PaperView.of(papers.get(slug));
    }

    @Operation(summary = "Add a paper", description = "Its authors in printed order; each found by any printed form of the name or created.")
    @POST
    @RolesAllowed("EDITOR")
    public Response create(@Valid @NotNull NewPaper body) {
        Paper paper = papers.create(caller.name(), new PaperService.PaperFields(body.slug(), body.title(),
                body.publisher(), body.series(), body.url(), body.published(),
                body.language() == null ? "en" : body.language(), printed(body.authors()), body.note(), body.sourceText()));
        return Response.created(URI.create("/api/papers/" + paper.slug)).entity(PaperView.of(papers.get(paper.slug))).build();
    }

    /** A paper from its web page: what the request leaves out is read from the page's metadata. */
    public record WebPaper(@NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String url,
                           @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = "lower-case words joined by hyphens") String slug,
                           @Size(max = 500) String title,
                           @Size(max = 300) String publisher,
                           @Pattern(regexp = DATE, message = "must be YYYY-MM-DD, YYYY-MM or YYYY") String published,
                           @Size(max = 300) String series,
                           @Size(max = 50) List<@Valid @NotNull PrintedAuthorInput> authors) {
    }

    /** What a web page gave: the paper as stored, its text's size, and the page's own metadata. */
    public record FromWeb(PaperView paper, int characters, org.hindcast.ingestion.PaperText.Metadata metadata) {
    }

    @jakarta.inject.Inject
    org.hindcast.ingestion.IngestionService ingestion;

    @Operation(summary = "Add a paper from its web page", description = "The service fetches the page (http or https, "
            + "public addresses only), reads its title, authors, date and publisher from citation_*, schema.org and Open Graph "
            + "metadata where the request gives none, and stores its text for the extraction assistant. A page that cannot "
            + "be fetched or read is refused with 422; a field neither gives, with 400 naming it.")
    @POST
    @Path("from-web")
    @RolesAllowed("EDITOR")
    public Response fromWeb(@Valid @NotNull WebPaper body) {
        var in = ingestion.fromWeb(caller.name(), new org.hindcast.ingestion.IngestionService.WebRequest(body.url(), body.slug(),
                body.title(), body.publisher(), body.published(), body.series(), body.authors() == null ? null : printed(body.authors())));
        return Response.created(URI.create("/api/papers/" + in.paper()))
                .entity(new FromWeb(PaperView.of(papers.get(in.paper())), in.characters(), in.metadata())).build();
    }

    @Operation(summary = "Correct a paper's metadata", description = "Send the version you read (409 when stale).")
    @PATCH
    @Path("{slug}")
    @RolesAllowed("EDITOR")
    public PaperView update(@PathParam("slug") String slug, @Valid @NotNull PaperChange body) {
        return PaperView.of(papers.get(papers.update(caller.name(), slug, body.version(), new PaperService.PaperFields(null,
                body.title(), body.publisher(), body.series(), body.url(), body.published(), body.language(),
                body.authors() == null ? null : printed(body.authors()), body.note(), body.sourceText())).slug));
    }

    private static List<PaperService.PrintedAuthor> printed(List<PrintedAuthorInput> input) {
        return input.stream().map(a -> new PaperService.PrintedAuthor(a.slug(), a.name(), a.affiliation(), Boolean.TRUE.equals(a.newPerson()))).toList();
    }
}
