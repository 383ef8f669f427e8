package org.hindcast.trust;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hindcast.platform.EmbeddedDatabase;
import org.hindcast.testing.PostgresTestResource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service on a configured PostgreSQL that dies and comes back: while it is gone, the API answers a
 * problem+json 503 and pages an HTML 503, liveness stays UP (restarting the service would not bring the server
 * back), and once the server returns the service answers again without a restart.
 */
@QuarkusTest
class DatabaseOutageTests {

    @Test
    void whileTheDatabaseIsGoneEveryAnswerIsA503AndTheServiceRecoversWhenItReturns() throws Exception {
        EmbeddedDatabase db = PostgresTestResource.current;
        Assumptions.assumeTrue(db != null, "needs the tests' own embedded server, which the test can kill");
        String theme = org.hindcast.testing.Ledger.unique("outage");
        as("editor").body(Map.of("slug", theme, "name", "Before the outage")).post("/api/themes").then().statusCode(201);

        long pid = Long.parseLong(Files.readAllLines(db.dataDirectory().resolve("postmaster.pid")).get(0).trim());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        try {
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
            Thread.sleep(1500);

            var api = RestAssured.given().get("/api/themes/" + theme);
            assertEquals(503, api.statusCode(), api.asString());
            assertTrue(api.contentType().startsWith("application/problem+json"), api.contentType());
            assertEquals("5", api.getHeader("Retry-After"));

            var write = as("editor").body(Map.of("slug", theme + "-x", "name", "During")).post("/api/themes");
            assertEquals(503, write.statusCode(), "a write during the outage is refused, not half-done: " + write.asString());

            var page = RestAssured.given().accept("text/html,application/xhtml+xml").get("/authors");
            assertEquals(503, page.statusCode());
            assertTrue(page.contentType().startsWith("text/html"), page.contentType());
            assertTrue(page.asString().contains("unavailable"), page.asString());

            RestAssured.given().get("/q/health/live").then().statusCode(200);
            RestAssured.given().get("/q/health/ready").then().statusCode(503);
        } finally {
            db.restart();
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = RestAssured.given().get("/api/themes/" + theme).statusCode();
            if (status != 200) {
                Thread.sleep(250);
            }
        }
        assertEquals(200, status, "the service answers again without a restart");
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        as("editor").body(Map.of("slug", theme + "-after", "name", "After")).post("/api/themes").then().statusCode(201);
        assertEquals(404, RestAssured.given().get("/api/themes/" + theme + "-x").statusCode(), "the refused write is absent");
    }
}
