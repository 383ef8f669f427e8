package org.hindcast.trust;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.containsString;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ConcurrencyAndLimitsTests {

    @Inject
    Ledger ledger;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpRequest post(String path, String user, String json) {
        return HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + Staff.PASSWORD).getBytes()))
                .build();
    }

    @Test
    void fiftyParallelResolutionsAndCorrectionsOfTheSameForecastsLetExactlyOnePerVersionWin() throws Exception {
        Staff.ensure();
        String theme = Ledger.theme("Race");
        String paper = Ledger.paper("2024-05-01", "Race Author " + Ledger.unique("r"));
        String author = anonymous().get("/api/sources/" + paper).jsonPath().getString("authors[0].slug");
        List<Long> forecasts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            forecasts.add(Ledger.forecast(paper, theme, 0.6 + i * 0.05, "2025-01-01", "editor"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<int[]>> answers = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            int n = k;
            long id = forecasts.get(k % 5);
            answers.add(pool.submit(() -> {
                go.await();
                HttpRequest request = n % 2 == 0
                        ? post("/api/forecasts/" + id + "/resolutions", n % 4 == 0 ? "reviewer" : "reviewer2",
                        "{\"forecastVersion\":0,\"outcome\":\"" + (n % 3 == 0 ? "TRUE" : "FALSE") + "\",\"resolvedOn\":\"2025-01-02\",\"rationale\":\"race " + n + "\"}")
                        : post("/api/forecasts/" + id + "/corrections", n % 4 == 1 ? "editor" : "editor2",
                        "{\"version\":0,\"reason\":\"race " + n + "\",\"probability\":0." + (10 + n) + ",\"probabilityBasis\":\"EDITOR\"}");
                return new int[]{(int) id, http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()};
            }));
        }
        go.countDown();
        List<int[]> results = new ArrayList<>();
        for (Future<int[]> f : answers) {
            results.add(f.get());
        }
        pool.shutdown();
        for (long id : forecasts) {
            List<Integer> codes = results.stream().filter(r -> r[0] == id).map(r -> r[1]).sorted().toList();
            assertEquals(10, codes.size());
            assertEquals(1, codes.stream().filter(c -> c == 200 || c == 201).count(), "one write wins on forecast " + id + ": " + codes);
            assertEquals(9, codes.stream().filter(c -> c == 409).count(), "the rest get 409 on forecast " + id + ": " + codes);
            JsonPath f = anonymous().get("/api/forecasts/" + id).jsonPath();
            assertEquals(1, f.getInt("version"), "exactly one change landed");
            long audits = (Long) ledger.scalar("select count(*) from audit_entry where entity = 'forecast' and entity_id = ? "
                    + "and action in ('forecast.resolve', 'forecast.correct')", Long.toString(id));
            assertEquals(1L, audits, "the audit log agrees");
            assertEquals(f.getList("resolutions").size() + (f.getList("corrections").isEmpty() ? 0 : 1), 1,
                    "the resolution history and the corrections agree with the winner");
        }
        // the track record agrees with what the forecasts now say
        JsonPath record = new JsonPath(anonymous().get("/api/authors/" + author + "/track-record").asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        double sum = 0;
        int n = 0;
        for (long id : forecasts) {
            JsonPath f = new JsonPath(anonymous().get("/api/forecasts/" + id).asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
            if (!f.getString("status").equals("PENDING")) {
                double d = f.getDouble("probability") - f.getDouble("outcomeCredit");
                sum += d * d;
                n++;
            }
        }
        assertEquals(n, record.getInt("scored"));
        if (n > 0) {
            assertEquals(sum / n, record.getDouble("brier"), 1e-9);
            int rank = anonymous().queryParam("theme", theme).get("/api/leaderboard").jsonPath().getList("entries.slug").indexOf(author);
            assertEquals(0, rank, "the leaderboard aggregate was refreshed");
        }
    }

    @Test
    void twoConcurrentThemeMovesNeverMakeACycle() throws Exception {
        Staff.ensure();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String a = Ledger.unique("cycle-a");
                String b = Ledger.unique("cycle-b");
                for (String t : List.of(a, b)) {
                    as("editor").body(Map.of("slug", t, "name", t)).post("/api/themes").then().statusCode(201);
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> moves = new ArrayList<>();
                for (String[] move : new String[][] {{a, b}, {b, a}}) {
                    HttpRequest patch = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/api/themes/" + move[0]))
                            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"version\":0,\"parent\":\"" + move[1] + "\"}"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("editor:" + Staff.PASSWORD).getBytes()))
                            .build();
                    moves.add(pool.submit(() -> {
                        go.await();
                        return http.send(patch, HttpResponse.BodyHandlers.ofString());
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (var m : moves) {
                    statuses.add(m.get().statusCode());
                }
                statuses.sort(null);
                assertEquals(List.of(200, 400), statuses, "round " + round + ": one move wins, the other would close a cycle");
                String parentOfA = anonymous().get("/api/themes/" + a).jsonPath().getString("parent");
                String parentOfB = anonymous().get("/api/themes/" + b).jsonPath().getString("parent");
                assertEquals(false, b.equals(parentOfA) && a.equals(parentOfB), "round " + round + ": " + a + " and " + b
                        + " are each other's parent");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedLikeADeclaredOne() throws Exception {
        Staff.ensure();
        var before = ledger.counts();
        String paper = Ledger.paper("2024-11-13", "Chunked Author " + Ledger.unique("c"));
        for (String path : List.of("/api/themes", "/api/sources/" + paper + "/text")) {
            byte[] big = ("{\"slug\":\"big\",\"name\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}").getBytes();
            HttpRequest chunked = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                    .header("Content-Type", path.endsWith("/text") ? "text/plain" : "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("editor:" + Staff.PASSWORD).getBytes()))
                    .build();
            HttpResponse<String> response = http.send(chunked, HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), path + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), path);
            assertEquals(true, response.body().contains("hindcast.limits.max-body-bytes"), response.body());
        }
        // a page's form, sent in chunks, meets the same limit
        byte[] form = ("username=editor&password=" + "x".repeat(9 * 1024 * 1024)).getBytes();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/login"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(form)))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, page.statusCode(), page.body());
        anonymous().get("/api/sources/" + paper + "/candidates").then().statusCode(404);
        var after = ledger.counts();
        assertEquals(before.get("paper") + 1, after.get("paper"));
    }

    @Test
    void oversizedRequestsAreRefusedWithTheLimitNamed() throws Exception {
        Staff.ensure();
        String big = "{\"name\":\"" + "x".repeat(9 * 1024 * 1024) + "\",\"slug\":\"big\"}";
        var before = ledger.counts();
        HttpResponse<String> response = http.send(post("/api/themes", "editor", big), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals(true, response.body().contains("hindcast.limits.max-body-bytes"), response.body());
        as("editor").body(Map.of("slug", Ledger.unique("t"), "name", "x".repeat(201))).post("/api/themes").then().statusCode(400)
                .body("detail", containsString("name"));
        anonymous().queryParam("size", 201).get("/api/forecasts").then().statusCode(400).body("detail", containsString("size"));
        as("editor").body(Map.of("paper", "x", "statement", "s", "quote", "q", "resolveBy", "2026-01-01", "resolveByBasis", "STATED",
                "themes", java.util.Collections.nCopies(21, "t"))).post("/api/forecasts").then().statusCode(400)
                .body("detail", containsString("themes"));
        assertEquals(before, ledger.counts());
    }
}
