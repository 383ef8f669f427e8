package org.hindcast.trust;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hindcast.testing.PageSession;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Links and redirects come from the configured public address, never from a Host header a client wrote. */
@QuarkusTest
class HostHeaderTests {

    @Test
    void aForgedHostHeaderIsNeitherInRedirectsNorInFeedLinks() {
        Staff.ensure();
        var redirect = RestAssured.given().redirects().follow(false).header("Host", "evil.example").get("/staff");
        assertEquals(303, redirect.statusCode());
        assertFalse(redirect.getHeader("Location").contains("evil.example"), redirect.getHeader("Location"));

        String feed = RestAssured.given().header("Host", "evil.example").get("/feeds/resolutions.atom").asString();
        assertFalse(feed.contains("evil.example"), "feed links use the configured base URL");
        assertTrue(feed.contains("http://localhost:8081/feeds/resolutions.atom"), feed.substring(0, Math.min(600, feed.length())));

        var created = as("editor").header("Host", "evil.example")
                .body(Map.of("slug", org.hindcast.testing.Ledger.unique("hosttheme"), "name", "Host theme"))
                .post("/api/themes");
        assertEquals(201, created.statusCode());
        assertFalse(created.getHeader("Location").contains("evil.example"), created.getHeader("Location"));

        PageSession s = PageSession.reader();
        s.get("/login");
        var signIn = s.request().header("Host", "evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("csrf", s.cookie("hindcast-csrf")).formParam("username", "editor")
                .formParam("password", Staff.PASSWORD).post("/login");
        assertEquals(303, signIn.statusCode());
        assertFalse(signIn.getHeader("Location").contains("evil.example"), signIn.getHeader("Location"));
    }
}
