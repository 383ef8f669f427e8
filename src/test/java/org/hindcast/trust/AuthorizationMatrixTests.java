package org.hindcast.trust;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every operation of the OpenAPI document as anonymous, EDITOR, ANALYST, REVIEWER and ADMIN and
 * compares each answer with the table below: a caller the table allows is never refused (401/403), a
 * reader is asked to sign in (401), staff without the role are refused (403). An operation missing from
 * the table fails the test. Write bodies are empty, so an allowed call is a validation error and nothing
 * is written.
 */
@QuarkusTest
class AuthorizationMatrixTests {

    private static final String ANYONE = "*";

    /** Operation -> the roles allowed to call it ("*": everyone, readers included). */
    static final Map<String, Set<String>> TABLE = new TreeMap<>(Map.ofEntries(
            Map.entry("POST /api/admin/corpus/import", Set.of("ADMIN")),
            Map.entry("GET /api/audit", Set.of("ADMIN")),
            Map.entry("GET /api/authors", Set.of(ANYONE)),
            Map.entry("POST /api/authors", Set.of("EDITOR")),
            Map.entry("GET /api/authors/lookup", Set.of(ANYONE)),
            Map.entry("PATCH /api/authors/{slug}", Set.of("EDITOR")),
            Map.entry("GET /api/authors/{slug}", Set.of(ANYONE)),
            Map.entry("POST /api/authors/{slug}/aliases", Set.of("EDITOR")),
            Map.entry("POST /api/authors/{slug}/merge", Set.of("ADMIN")),
            Map.entry("GET /api/authors/{slug}/track-record", Set.of(ANYONE)),
            Map.entry("GET /api/exports/{table}.{format}", Set.of(ANYONE)),
            Map.entry("GET /api/forecasts", Set.of(ANYONE)),
            Map.entry("POST /api/forecasts", Set.of("EDITOR")),
            Map.entry("GET /api/forecasts/{id}", Set.of(ANYONE)),
            Map.entry("POST /api/forecasts/{id}/corrections", Set.of("EDITOR")),
            Map.entry("GET /api/forecasts/{id}/correction-proposals/{proposal}", Set.of(ANYONE)),
            Map.entry("POST /api/forecasts/{id}/withdrawal", Set.of("EDITOR")),
            Map.entry("POST /api/forecasts/{id}/correction-proposals/{proposal}/approve", Set.of("EDITOR", "REVIEWER")),
            Map.entry("POST /api/forecasts/{id}/correction-proposals/{proposal}/reject", Set.of("EDITOR", "REVIEWER")),
            Map.entry("GET /api/forecasts/{id}/evidence", Set.of(ANYONE)),
            Map.entry("GET /api/forecasts/{id}/same-event", Set.of(ANYONE)),
            Map.entry("POST /api/forecasts/{id}/evidence", Set.of("ANALYST")),
            Map.entry("GET /api/forecasts/{id}/resolutions", Set.of(ANYONE)),
            Map.entry("POST /api/forecasts/{id}/resolutions", Set.of("REVIEWER")),
            Map.entry("GET /api/leaderboard", Set.of(ANYONE)),
            Map.entry("GET /api/phrases", Set.of(ANYONE)),
            Map.entry("GET /api/phrases/suggest", Set.of(ANYONE)),
            Map.entry("GET /api/phrases/versions/{version}", Set.of(ANYONE)),
            Map.entry("GET /api/papers", Set.of(ANYONE)),
            Map.entry("POST /api/papers", Set.of("EDITOR")),
            Map.entry("POST /api/papers/from-web", Set.of("EDITOR")),
            Map.entry("PATCH /api/papers/{slug}", Set.of("EDITOR")),
            Map.entry("GET /api/papers/{slug}", Set.of(ANYONE)),
            Map.entry("GET /api/papers/{slug}/candidates", Set.of(ANYONE)),
            Map.entry("POST /api/papers/{slug}/candidates/accept", Set.of("EDITOR")),
            Map.entry("POST /api/papers/{slug}/candidates/reject", Set.of("EDITOR")),
            Map.entry("GET /api/papers/{slug}/corpus-file", Set.of(ANYONE)),
            Map.entry("POST /api/papers/{slug}/text", Set.of("EDITOR")),
            Map.entry("GET /api/papers/{slug}/evidence-proposals", Set.of("ANALYST", "REVIEWER", "EDITOR")),
            Map.entry("GET /api/papers/{slug}/evidence-proposals/last-run", Set.of("ANALYST", "REVIEWER", "EDITOR")),
            Map.entry("POST /api/papers/{slug}/evidence-proposals/accept", Set.of("ANALYST")),
            Map.entry("POST /api/papers/{slug}/evidence-proposals/reject", Set.of("ANALYST")),
            Map.entry("GET /api/papers/{slug}/track-record", Set.of(ANYONE)),
            Map.entry("GET /api/themes", Set.of(ANYONE)),
            Map.entry("POST /api/themes", Set.of("EDITOR")),
            Map.entry("PATCH /api/themes/{slug}", Set.of("EDITOR")),
            Map.entry("GET /api/themes/{slug}", Set.of(ANYONE)),
            Map.entry("GET /api/themes/{slug}/track-record", Set.of(ANYONE)),
            Map.entry("GET /api/users", Set.of("ADMIN")),
            Map.entry("POST /api/users", Set.of("ADMIN")),
            Map.entry("PATCH /api/users/{username}", Set.of("ADMIN")),
            Map.entry("GET /api/users/{username}", Set.of("ADMIN")),
            Map.entry("DELETE /api/users/{username}/sign-in-limits", Set.of("ADMIN")),
            Map.entry("GET /feeds/authors/{slug}.atom", Set.of(ANYONE)),
            Map.entry("GET /feeds/resolutions.atom", Set.of(ANYONE)),
            Map.entry("GET /feeds/themes/{slug}.atom", Set.of(ANYONE)),
            Map.entry("GET /feeds/due/authors/{slug}.atom", Set.of(ANYONE)),
            Map.entry("GET /feeds/due/themes/{slug}.atom", Set.of(ANYONE))));

    static final List<String> CALLERS = List.of("anonymous", "editor", "analyst", "reviewer", "admin");
    static final Map<String, String> ROLE_OF = Map.of("editor", "EDITOR", "analyst", "ANALYST", "reviewer", "REVIEWER", "admin", "ADMIN");

    @Inject
    Ledger ledger;

    static List<String[]> operations() {
        JsonPath api = new JsonPath(anonymous().queryParam("format", "json").get("/q/openapi").asString());
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        List<String[]> ops = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().forEach(m -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(m)) {
                ops.add(new String[]{m.toUpperCase(), path});
            }
        }));
        return ops;
    }

    static String concrete(String path, long forecastId) {
        String slug = path.startsWith("/api/authors") || path.startsWith("/feeds/authors") || path.startsWith("/feeds/due/authors") ? "lee-dong-gyu"
                : path.startsWith("/api/themes") || path.startsWith("/feeds/themes") || path.startsWith("/feeds/due/themes") ? "taiwan"
                : "asan-2024-11-outlook-china-trump-second-term";
        return path.replace("{slug}", slug).replace("{id}", Long.toString(forecastId)).replace("{username}", "editor")
                .replace("{version}", "2026.1").replace("{proposal}", "999999999").replace("{table}", "forecasts").replace("{format}", "json");
    }

    static RequestSpecification caller(String who) {
        return who.equals("anonymous") ? anonymous() : as(who);
    }

    @Test
    void everyOperationAnswersEachRoleAsTheTableSays() {
        as("admin").post("/api/admin/corpus/import").then().statusCode(200);
        Staff.ensure();
        long forecastId = anonymous().queryParam("paper", "asan-2024-11-outlook-china-trump-second-term").queryParam("size", 1)
                .get("/api/forecasts").jsonPath().getLong("items[0].id");
        var before = ledger.counts();
        List<String> wrong = new ArrayList<>();
        List<String[]> ops = operations();
        for (String[] op : ops) {
            String key = op[0] + " " + op[1];
            Set<String> allowed = TABLE.get(key);
            if (allowed == null) {
                wrong.add(key + ": not in the table");
                continue;
            }
            String url = concrete(op[1], forecastId);
            for (String who : CALLERS) {
                RequestSpecification request = caller(who);
                if (url.endsWith("/text")) {
                    request = request.contentType("text/plain").body("");
                } else if (!op[0].equals("GET")) {
                    request = request.body("{}");
                }
                int status = request.request(op[0], url).statusCode();
                boolean may = allowed.contains(ANYONE) || (!who.equals("anonymous") && allowed.contains(ROLE_OF.get(who)));
                String expected = may ? "allowed" : who.equals("anonymous") ? "401" : "403";
                String got = status == 401 || status == 403 ? Integer.toString(status) : status >= 500 ? "5xx " + status : "allowed";
                if (!expected.equals(got)) {
                    wrong.add(key + " as " + who + ": expected " + expected + ", got " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(TABLE.size(), ops.size(), "every operation in the table is in the API, and the other way round");
        var after = ledger.counts();
        after.remove("audit_entry");
        before.remove("audit_entry");
        assertEquals(before, after, "the walk wrote nothing");
        assertTrue(ops.size() >= 45);
    }
}
