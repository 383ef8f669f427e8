package org.hindcast.platform;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the OpenAPI document says of every operation besides its own annotations: its tag (by the part of the
 * API it belongs to), the problem+json answers it can give with an example of each, and an example request for
 * the writes people make most. The summaries are on the resource methods; the HTTP Basic security scheme and each
 * operation's requirement come from the roles they allow (application.properties).
 */
public class OpenApiDocument implements OASFilter {

    /** Tags in the order Swagger UI shows them: the path prefix that belongs to each, and what the part is. */
    private static final List<String[]> TAGS = List.of(
            new String[]{"Papers", "/api/papers", "Papers (the old paths /api/sources still answer): their metadata, text, extraction candidates, track record and corpus file"},
            new String[]{"Evidence", "/api/forecasts/{id}/evidence", "What happened after a forecast was made, attached by analysts"},
            new String[]{"Resolutions", "/api/forecasts/{id}/resolutions", "Verdicts by reviewers: append-only, the latest counts"},
            new String[]{"Forecasts", "/api/forecasts", "Forecasts as logged, their corrections, proposals for a second person and withdrawals"},
            new String[]{"Track records", "/api/authors/{slug}/track-record", "Scores of an author, a theme or a paper, and the leaderboard"},
            new String[]{"Track records", "/api/themes/{slug}/track-record", null},
            new String[]{"Track records", "/api/leaderboard", null},
            new String[]{"Authors", "/api/authors", "Authors, the printed forms of their names, merges"},
            new String[]{"Themes", "/api/themes", "The theme tree"},
            new String[]{"Phrase table", "/api/phrases", "The estimative-language table that turns \"likely\" into a probability"},
            new String[]{"Exports and feeds", "/api/exports", "The ledger as CSV or JSON, and Atom feeds of resolutions"},
            new String[]{"Exports and feeds", "/feeds", null},
            new String[]{"Administration", "/api/users", "Staff accounts, the audit log, corpus imports (ADMIN)"},
            new String[]{"Administration", "/api/audit", null},
            new String[]{"Administration", "/api/admin", null});

    private static final Map<String, String> PROBLEM_EXAMPLES = Map.of(
            "400", """
                    {"type":"about:blank","title":"Invalid request","status":400,
                     "detail":"observedOn: is before the forecast was made (2024-11-13): evidence is what happened after it; citationUrl: must be an http(s) URL",
                     "errors":[{"field":"observedOn","message":"is before the forecast was made (2024-11-13): evidence is what happened after it"},
                               {"field":"citationUrl","message":"must be an http(s) URL"}]}""",
            "401", """
                    {"type":"about:blank","title":"Unauthorized","status":401,"detail":"Sign in with HTTP Basic as a staff member."}""",
            "403", """
                    {"type":"about:blank","title":"Forbidden","status":403,"detail":"You logged this forecast, so another reviewer must resolve it."}""",
            "404", """
                    {"type":"about:blank","title":"Not Found","status":404,"detail":"No forecast '4242'."}""",
            "409", """
                    {"type":"about:blank","title":"Conflict","status":409,"detail":"The forecast was changed since version 3 (it is now at version 4); read it again."}""",
            "503", """
                    {"type":"about:blank","title":"Service Unavailable","status":503,"detail":"The database cannot be reached. Nothing was stored; try again in a few seconds."}""");

    private static final Map<String, String> PROBLEM_DESCRIPTIONS = Map.of(
            "400", "The request is wrong: every wrong field is named in errors[]; nothing was written",
            "401", "Not signed in: HTTP Basic with a staff account",
            "403", "Signed in, but this role or person may not do it",
            "404", "What the path names does not exist",
            "409", "A stale version, a duplicate or a conflicting write; read again",
            "503", "The database cannot be reached, or this replica is read-only; nothing was stored");

    /** Example bodies of the writes people make most, by method and path. */
    private static final Map<String, String> REQUEST_EXAMPLES = Map.of(
            "POST /api/forecasts", """
                    {"paper":"asan-2024-11-outlook-china-trump-second-term",
                     "statement":"Xi Jinping visits South Korea for the APEC summit in November 2025.",
                     "quote":"Xi Jinping is expected to visit South Korea during the APEC in November 2025.",
                     "phrase":"is expected to","resolveBy":"2025-11-30","resolveByBasis":"STATED","themes":["china-south-korea-relations"]}""",
            "POST /api/forecasts/{id}/evidence", """
                    {"summary":"Xi Jinping made a state visit to South Korea for APEC in Gyeongju.","observedOn":"2025-10-30",
                     "citedPaper":"asan-2025-11-south-korea-china-summit","citationNote":"first paragraph","stance":"SUPPORTS"}""",
            "POST /api/forecasts/{id}/resolutions", """
                    {"forecastVersion":3,"outcome":"TRUE","resolvedOn":"2025-11-13",
                     "rationale":"The later paper reports the state visit during APEC.","evidence":[12]}""",
            "POST /api/forecasts/{id}/corrections", """
                    {"version":3,"reason":"The quote lost its last words.","quote":"Xi Jinping is expected to visit South Korea during the APEC in November 2025."}""",
            "POST /api/forecasts/{id}/withdrawal", """
                    {"version":3,"reason":"A duplicate of forecast 41, logged from the same sentence."}""");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Map<String, Tag> tags = new LinkedHashMap<>();
        for (String[] t : TAGS) {
            if (t[2] != null) {
                tags.put(t[0], OASFactory.createTag().name(t[0]).description(t[2]));
            }
        }
        api.setTags(new ArrayList<>(tags.values()));
        api.getComponents().addSchema("Problem", problemSchema());
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            op.setTags(List.of(tagOf(path)));
            describeProblems(path, method, op);
            String example = REQUEST_EXAMPLES.get(method + " " + path);
            if (example != null && op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values()
                        .forEach(m -> m.addExample("example", OASFactory.createExample().value(example.replaceAll("\\s*\\n\\s*", ""))));
            }
        }));
    }

    private static String tagOf(String path) {
        return TAGS.stream().filter(t -> path.startsWith(t[1])).map(t -> t[0]).findFirst().orElse("Operations");
    }

    private static void describeProblems(String path, PathItem.HttpMethod method, Operation op) {
        APIResponses responses = op.getResponses();
        boolean write = method != PathItem.HttpMethod.GET;
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        boolean takesInput = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
        List<String> statuses = new ArrayList<>();
        if (takesInput) {
            statuses.add("400");
        }
        if (secured) {
            statuses.add("401");
            statuses.add("403");
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (write) {
            statuses.add("409");
        }
        statuses.add("503");
        for (String status : statuses) {
            if (responses.hasAPIResponse(status) && responses.getAPIResponse(status).getContent() != null) {
                continue;
            }
            Content content = OASFactory.createContent().addMediaType("application/problem+json", OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                    .addExample(status, OASFactory.createExample().value(PROBLEM_EXAMPLES.get(status).replaceAll("\\s*\\n\\s*", ""))));
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(PROBLEM_DESCRIPTIONS.get(status)).content(content));
        }
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("the field, as the request names it: observedOn, themes[0]"))
                .addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document: every error of the API")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text).addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("every field the request got wrong"));
    }
}
