package org.hindcast.web.api;

import org.hindcast.exports.Csv;
import org.hindcast.exports.ExportService;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import org.hindcast.common.Text;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.hindcast.common.QueryParams;
import org.hindcast.problems.ApiException;

import java.util.Map;

/**
 * CSV and JSON exports: /api/exports/{forecasts|resolutions|evidence|scores}.{csv|json}, filtered by
 * author, theme, paper and a date range (made-on, resolved-on or observed-on).
 */
@Path("/api/exports")
public class ExportResource {

    @Inject
    ExportService exports;

    @Operation(summary = "Export a table as CSV or JSON", description = "forecasts, resolutions, evidence or scores; filtered by author, theme (with sub-themes), paper and from/to.")
    @GET
    @Path("{table}.{format}")
    public Response export(@PathParam("table") String table, @PathParam("format") String format,
                           @QueryParam("author") String author, @QueryParam("theme") String theme,
                           @QueryParam("paper") String paper,
                           @Parameter(hidden = true, description = "the old name of paper") @QueryParam("source") String source,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        var filter = new ExportService.Filter(Text.blankToNull(author), Text.blankToNull(theme), Text.blankToNull(paper != null ? paper : source), QueryParams.date("from", from),
                QueryParams.date("to", to));
        ExportService.Table data = switch (table) {
            case "forecasts" -> exports.forecasts(filter);
            case "resolutions" -> exports.resolutions(filter);
            case "evidence" -> exports.evidence(filter);
            case "scores" -> exports.scores(filter);
            default -> throw ApiException.notFound("export", table + " (forecasts, resolutions, evidence or scores)");
        };
        return switch (format) {
            case "csv" -> Response.ok(Csv.write(data), "text/csv;charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"hindcast-" + table + ".csv\"").build();
            case "json" -> Response.ok(Map.of("table", table, "count", data.rows().size(), "rows", data.records()),
                    "application/json").build();
            default -> throw ApiException.notFound("export format", format + " (csv or json)");
        };
    }


}
