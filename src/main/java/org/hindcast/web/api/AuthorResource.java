package org.hindcast.web.api;

import org.hindcast.authors.Author;
import org.hindcast.authors.AuthorService;
import org.hindcast.authors.AuthorView;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import org.hindcast.problems.ApiException;

import java.net.URI;
import java.util.List;

@Path("/api/authors")
public class AuthorResource {

    @Inject
    AuthorService authors;

    @Inject
    Caller caller;

    public record NewAuthor(@Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = "lower-case words joined by hyphens") String slug,
                            @NotBlank @Size(max = 200) String displayName,
                            @Size(max = 300) String affiliation,
                            @Size(max = 50) List<@NotBlank @Size(max = 200) String> aliases) {
    }

    public record AuthorChange(@NotNull Long version, @Size(min = 1, max = 200) String displayName,
                               @Size(max = 300) String affiliation) {
    }

    public record NewAlias(@NotBlank @Size(max = 200) String alias) {
    }

    public record Merge(@NotBlank @Size(max = 100) String into) {
    }

    @Operation(summary = "Authors", description = "Filter by name with q; paged.")
    @GET
    public PageOf<AuthorView> list(@QueryParam("q") @Size(max = 200) String query,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        PageOf<Author> found = authors.list(query, page, size);
        return new PageOf<>(found.items().stream().map(AuthorView::of).toList(), page, size, found.total());
    }

    /** Finds the author a printed name belongs to, whatever its case, spacing, hyphens or name order. */
    @Operation(summary = "Find an author by any printed form of a name")
    @GET
    @Path("lookup")
    public AuthorView lookup(@QueryParam("name") @NotBlank @Size(max = 200) String name) {
        return authors.findByName(name).map(AuthorView::of)
                .orElseThrow(() -> ApiException.notFound("author named", name));
    }

    @Operation(summary = "One author")
    @GET
    @Path("{slug}")
    public AuthorView get(@PathParam("slug") String slug) {
        return AuthorView.of(authors.get(slug));
    }

    @Operation(summary = "Add an author", description = "A name that only looks like an existing author's is refused, naming the author.")
    @POST
    @RolesAllowed("EDITOR")
    public Response create(@Valid @NotNull NewAuthor body) {
        Author author = authors.create(caller.name(), body.slug(), body.displayName(), body.affiliation(), body.aliases());
        return Response.created(URI.create("/api/authors/" + author.slug)).entity(AuthorView.of(authors.get(author.slug))).build();
    }

    @Operation(summary = "Change an author")
    @PATCH
    @Path("{slug}")
    @RolesAllowed("EDITOR")
    public AuthorView update(@PathParam("slug") String slug, @Valid @NotNull AuthorChange body) {
        return AuthorView.of(authors.get(authors.update(caller.name(), slug, body.version(), body.displayName(), body.affiliation()).slug));
    }

    @Operation(summary = "Add a printed form of an author's name")
    @POST
    @Path("{slug}/aliases")
    @RolesAllowed("EDITOR")
    public AuthorView addAlias(@PathParam("slug") String slug, @Valid @NotNull NewAlias body) {
        return AuthorView.of(authors.get(authors.addAlias(caller.name(), slug, body.alias()).slug));
    }

    @Operation(summary = "Merge a duplicate author into this one", description = "Forecasts and aliases follow; the old slug keeps answering.")
    @POST
    @Path("{slug}/merge")
    @RolesAllowed("ADMIN")
    public AuthorView merge(@PathParam("slug") String slug, @Valid @NotNull Merge body) {
        return AuthorView.of(authors.get(authors.merge(caller.name(), slug, body.into()).slug));
    }
}
