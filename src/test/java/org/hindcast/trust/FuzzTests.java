package org.hindcast.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sends thousands of generated hostile requests to every write endpoint, each a valid body with at least
 * one change that must be refused, plus SQL, HTML and Unicode noise in the other fields; and hostile query
 * strings to the list endpoints. Never a 5xx, never an accepted write, and the database (audit log
 * included) exactly as before. The seed is fixed: a failure is reproducible.
 */
@QuarkusTest
class FuzzTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NOISE = {"'; drop table forecast; --", "\" or 1=1 --", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "\u202eevil\u202c", "zero\u200bwidth", "emoji \ud83d\ude00", "\ud800 lone surrogate",
            "%00", "${jndi:ldap://x}", "{{7*7}}", "../../etc/passwd", "a\u0000b", "\\u0000", "null", "[]", "Ω≈ç√∫˜µ≤≥÷"};

    static final int PER_ENDPOINT = Integer.getInteger("fuzz.perEndpoint", 150);

    @Inject
    Ledger ledger;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    record Endpoint(String method, String path, String user, Map<String, Object> template, List<String> required) {
    }

    private List<Endpoint> endpoints(String paper, String author, String theme, long forecast, long version) {
        Map<String, Object> source = new LinkedHashMap<>(Map.of("slug", "fuzz-ok", "title", "T", "publisher", "P",
                "published", "2024-05-01", "authors", List.of(Map.of("name", "Fuzz Person"))));
        Map<String, Object> forecastBody = new LinkedHashMap<>();
        forecastBody.put("paper", paper);
        forecastBody.put("statement", "S");
        forecastBody.put("quote", "Q is expected to happen");
        forecastBody.put("phrase", "is expected to");
        forecastBody.put("resolveBy", "2027-01-01");
        forecastBody.put("resolveByBasis", "STATED");
        forecastBody.put("themes", List.of(theme));
        return List.of(
                new Endpoint("POST", "/api/sources", "editor", source, List.of("title", "publisher", "published", "authors")),
                new Endpoint("PATCH", "/api/sources/" + paper, "editor", new LinkedHashMap<>(Map.of("version", 0, "title", "T2")), List.of("version")),
                new Endpoint("POST", "/api/authors", "editor", new LinkedHashMap<>(Map.of("displayName", "Fuzz Name")), List.of("displayName")),
                new Endpoint("PATCH", "/api/authors/" + author, "editor", new LinkedHashMap<>(Map.of("version", 0, "displayName", "N")), List.of("version")),
                new Endpoint("POST", "/api/authors/" + author + "/aliases", "editor", new LinkedHashMap<>(Map.of("alias", "Fuzz Alias")), List.of("alias")),
                new Endpoint("POST", "/api/authors/" + author + "/merge", "admin", new LinkedHashMap<>(Map.of("into", author)), List.of("into")),
                new Endpoint("POST", "/api/themes", "editor", new LinkedHashMap<>(Map.of("slug", "fuzz-theme", "name", "F")), List.of("slug", "name")),
                new Endpoint("PATCH", "/api/themes/" + theme, "editor", new LinkedHashMap<>(Map.of("version", 0, "name", "F2")), List.of("version")),
                new Endpoint("POST", "/api/forecasts", "editor", forecastBody, List.of("paper", "statement", "quote", "resolveBy", "resolveByBasis", "themes")),
                new Endpoint("POST", "/api/forecasts/" + forecast + "/corrections", "editor",
                        new LinkedHashMap<>(Map.of("version", version, "reason", "R", "statement", "S2")), List.of("version", "reason")),
                new Endpoint("POST", "/api/forecasts/" + forecast + "/evidence", "analyst", new LinkedHashMap<>(Map.of("summary", "E",
                        "observedOn", "2025-01-01", "citationUrl", "https://example.org", "stance", "SUPPORTS")), List.of("summary", "observedOn", "stance")),
                new Endpoint("POST", "/api/forecasts/" + forecast + "/resolutions", "reviewer", new LinkedHashMap<>(Map.of("forecastVersion", version,
                        "outcome", "TRUE", "resolvedOn", "2025-01-01", "rationale", "R")), List.of("forecastVersion", "outcome", "resolvedOn", "rationale")),
                new Endpoint("POST", "/api/users", "admin", new LinkedHashMap<>(Map.of("username", "fuzzuser", "displayName", "F",
                        "password", "a-long-enough-secret", "roles", List.of("EDITOR"))), List.of("username", "displayName", "password", "roles")),
                new Endpoint("PATCH", "/api/users/editor2", "admin", new LinkedHashMap<>(Map.of("version", 0, "displayName", "E2")), List.of("version")),
                new Endpoint("POST", "/api/sources/" + paper + "/candidates/reject", "editor", new LinkedHashMap<>(Map.of("start", 0, "end", 10)), List.of("start", "end")));
    }

    /** One change that the service must refuse. */
    private static String mustFail(Random r, Endpoint e, Map<String, Object> body) throws Exception {
        String field = e.required().get(r.nextInt(e.required().size()));
        switch (r.nextInt(9)) {
            case 0 -> body.remove(field);
            case 1 -> body.put(field, r.nextBoolean() ? List.of(1, 2) : Map.of("x", 1));
            case 2 -> body.put(field, body.get(field) instanceof Number ? "not a number" : "x".repeat(5000 + r.nextInt(60000)));
            case 3 -> body.put(field, body.get(field) instanceof Number ? (r.nextBoolean() ? 1e308 : -1) : 12345);
            case 4 -> {
                if (body.containsKey("outcome")) {
                    body.put("outcome", "MAYBE");
                } else if (body.containsKey("stance")) {
                    body.put("stance", "<b>");
                } else {
                    body.remove(field);
                }
            }
            case 5 -> {
                String dateField = body.keySet().stream().filter(k -> k.endsWith("On") || k.equals("resolveBy") || k.equals("published"))
                        .findFirst().orElse(null);
                body.put(dateField == null ? field : dateField, dateField == null ? null
                        : new String[]{"2024-02-30", "yesterday", "99999-01-01", "2024-13-01", "'; drop table paper; --"}[r.nextInt(5)]);
                if (dateField == null) {
                    body.remove(field);
                }
            }
            case 6 -> {
                String json = JSON.writeValueAsString(body);
                return json.substring(0, Math.max(1, r.nextInt(json.length())));
            }
            case 7 -> {
                return "[".repeat(2000 + r.nextInt(5000));
            }
            default -> body.put(field, null);
        }
        return null;
    }

    @Test
    void thousandsOfHostileWritesAreRefusedWithoutAServerErrorAndChangeNothing() throws Exception {
        String theme = Ledger.theme("Fuzz theme");
        String paper = Ledger.paper("2024-05-01", "Fuzz Author " + Ledger.unique("f"));
        String author = anonymous().get("/api/sources/" + paper).jsonPath().getString("authors[0].slug");
        long forecast = Ledger.forecast(paper, theme, 0.6, "2026-01-01", "editor");
        // make the versions in the templates stale so that a write could only pass by a bug
        as("editor").body(Map.of("version", 0, "title", "Fuzz target")).patch("/api/sources/" + paper).then().statusCode(200);
        as("editor").body(Map.of("version", 0, "displayName", "Fuzz Author Renamed")).patch("/api/authors/" + author).then().statusCode(200);
        as("editor").body(Map.of("version", 0, "name", "Fuzz theme renamed")).patch("/api/themes/" + theme).then().statusCode(200);
        Staff.ensure();
        var before = ledger.counts();
        Random r = new Random(20261123L);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Endpoint e : endpoints(paper, author, theme, forecast, 0)) {
            long started = System.nanoTime();
            for (int i = 0; i < PER_ENDPOINT; i++) {
                Map<String, Object> body = new HashMap<>(e.template());
                for (String key : new ArrayList<>(body.keySet())) {
                    if (body.get(key) instanceof String && r.nextInt(3) == 0) {
                        body.put(key, NOISE[r.nextInt(NOISE.length)]);
                    }
                }
                String raw = mustFail(r, e, body);
                String payload = raw != null ? raw : JSON.writeValueAsString(body);
                var response = http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + e.path()))
                        .method(e.method(), HttpRequest.BodyPublishers.ofString(payload))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (e.user() + ":" + (e.user().equals("admin") ? Staff.ADMIN_PASSWORD : Staff.PASSWORD)).getBytes()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                sent++;
                int status = response.statusCode();
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (status >= 500 || status < 400) {
                    failures.add(e.method() + " " + e.path() + " -> " + status + " for " + payload.substring(0, Math.min(200, payload.length())));
                } else if (!type.startsWith("application/problem+json")) {
                    failures.add(e.method() + " " + e.path() + " -> " + status + " without problem+json: " + type);
                }
            }
            System.out.printf("fuzz: %s %s %d requests in %d ms%n", e.method(), e.path(), PER_ENDPOINT, (System.nanoTime() - started) / 1_000_000);
        }
        String[] lists = {"/api/forecasts", "/api/sources", "/api/authors", "/api/leaderboard", "/api/exports/forecasts.csv",
                "/api/phrases/suggest", "/api/audit"};
        String[] params = {"page", "size", "status", "madeFrom", "resolveByTo", "author", "theme", "q", "sort", "overdue", "minScored", "text", "from"};
        String[] values = {"-1", "999999999999", "1e309", "<script>", "'; drop table forecast; --", "%00", "\u0000", "2024-02-30",
                "true false", "", "ÿ".repeat(300), "MAYBE", "0", "-madeOn;delete"};
        for (int i = 0; i < 1000; i++) {
            String path = lists[r.nextInt(lists.length)];
            var request = (path.equals("/api/audit") ? as("admin") : anonymous());
            for (int k = 0; k < 1 + r.nextInt(3); k++) {
                request = request.queryParam(params[r.nextInt(params.length)], values[r.nextInt(values.length)]);
            }
            int status = request.get(path).statusCode();
            sent++;
            if (status >= 500) {
                failures.add("GET " + path + " -> " + status);
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " of " + sent + " requests misbehaved");
        assertEquals(before, ledger.counts(), "row counts and the audit log are exactly as before");
        System.out.println("fuzz: " + sent + " hostile requests, none answered 5xx or accepted");
    }
}
