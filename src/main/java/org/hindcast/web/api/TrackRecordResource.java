package org.hindcast.web.api;

import org.hindcast.trackrecords.Leaderboard;
import org.hindcast.trackrecords.LeaderboardService;
import org.hindcast.trackrecords.TrackRecord;
import org.hindcast.trackrecords.TrackRecordService;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import org.hindcast.web.Revalidation;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Public track records and leaderboards. Each record has a class-level path of its own: JAX-RS picks the
 * resource class by its path first, so "/api/authors/{slug}/track-record" must not hide behind "/api/authors".
 */
public final class TrackRecordResource {

    private TrackRecordResource() {
    }

    @Path("/api/authors/{slug}/track-record")
    public static class OfAuthor {
        @Inject
        Revalidation revalidation;

        @Inject
        TrackRecordService records;

        @Operation(summary = "Track record of an author", description = "All the figures of docs/scoring.md, by theme (sub-themes included) and by horizon.")
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        @APIResponse(responseCode = "200", description = "The author's track record",
                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrackRecord.class)))
        public Response get(@PathParam("slug") String slug, @Context Request request) {
            return revalidation.respond(request, records.authorJson(slug), MediaType.APPLICATION_JSON_TYPE);
        }
    }

    @Path("/api/themes/{slug}/track-record")
    public static class OfTheme {
        @Inject
        Revalidation revalidation;

        @Inject
        TrackRecordService records;

        @Operation(summary = "Track record of a theme", description = "Each author's figures within the theme.")
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        @APIResponse(responseCode = "200", description = "The theme's track record",
                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrackRecord.class)))
        public Response get(@PathParam("slug") String slug, @Context Request request) {
            return revalidation.respond(request, records.theme(slug), MediaType.APPLICATION_JSON_TYPE);
        }
    }

    @Path("/api/papers/{slug}/track-record")
    public static class OfSource {
        @Inject
        Revalidation revalidation;

        @Inject
        TrackRecordService records;

        @Operation(summary = "Track record of a paper")
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        @APIResponse(responseCode = "200", description = "The paper's track record",
                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrackRecord.class)))
        public Response get(@PathParam("slug") String slug, @Context Request request) {
            return revalidation.respond(request, records.paper(slug), MediaType.APPLICATION_JSON_TYPE);
        }
    }

    @Path("/api/leaderboard")
    public static class OfAuthors {
        @Inject
        Revalidation revalidation;

        @Inject
        LeaderboardService leaderboards;

        @Operation(summary = "The leaderboard", description = "Authors ranked by shrunk Brier, with N and the interval; filter by theme and the least number of scored forecasts.")
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        @APIResponse(responseCode = "200", description = "A page of the leaderboard",
                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Leaderboard.class)))
        public Response get(@QueryParam("theme") @Size(max = 100) String theme,
                            @QueryParam("minScored") @DefaultValue("1") @Min(1) @Max(1_000_000) int minScored,
                            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size, @Context Request request) {
            return revalidation.respond(request, leaderboards.board(theme, minScored, page, size), MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
