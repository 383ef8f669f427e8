package org.hindcast.web.api;

import org.hindcast.themes.Theme;
import org.hindcast.themes.ThemeService;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.hindcast.web.Caller;
import org.hindcast.common.Slugs;

import java.net.URI;
import java.util.List;

@Path("/api/themes")
public class ThemeResource {

    @Inject
    ThemeService themes;

    @Inject
    Caller caller;

    public record NewTheme(@NotBlank @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = "lower-case words joined by hyphens") String slug,
                           @NotBlank @Size(max = 200) String name,
                           @Size(max = 100) String parent) {
    }

    public record ThemeChange(@NotNull Long version, @Size(min = 1, max = 200) String name,
                              @Size(max = 100) String parent, Boolean clearParent) {
    }

    public record ThemeView(String slug, String name, String parent, long version) {
        static ThemeView of(Theme t) {
            return new ThemeView(t.slug, t.name, t.parent == null ? null : t.parent.slug, t.version);
        }
    }

    @Operation(summary = "The theme tree")
    @GET
    public List<ThemeView> list() {
        return themes.list().stream().map(ThemeView::of).toList();
    }

    @Operation(summary = "One theme")
    @GET
    @Path("{slug}")
    public ThemeView get(@PathParam("slug") String slug) {
        return ThemeView.of(themes.get(slug));
    }

    @Operation(summary = "Add a theme")
    @POST
    @RolesAllowed("EDITOR")
    public Response create(@Valid @NotNull NewTheme body) {
        Theme theme = themes.create(caller.name(), body.slug(), body.name(), body.parent());
        return Response.created(URI.create("/api/themes/" + theme.slug)).entity(ThemeView.of(themes.get(theme.slug))).build();
    }

    @Operation(summary = "Rename or move a theme", description = "Send the version you read; a move that would make a cycle is refused.")
    @PATCH
    @Path("{slug}")
    @RolesAllowed("EDITOR")
    public ThemeView update(@PathParam("slug") String slug, @Valid @NotNull ThemeChange body) {
        return ThemeView.of(themes.get(themes.update(caller.name(), slug, body.version(), body.name(), body.parent(),
                Boolean.TRUE.equals(body.clearParent())).slug));
    }
}
