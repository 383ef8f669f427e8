package org.hindcast.users;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class UserResourceTests {

    @Inject
    Ledger ledger;

    @Test
    void anAdminCreatesStaffWithBcryptPasswordsWhoCanThenSignIn() {
        String name = Ledger.unique("newstaff");
        as("admin").body(Map.of("username", name, "displayName", "New Staff", "password", "a-long-enough-secret",
                        "roles", List.of("EDITOR", "ANALYST")))
                .post("/api/users").then().statusCode(201).body("roles", containsInAnyOrder("EDITOR", "ANALYST"));
        String hash = (String) ledger.scalar("select password_hash from app_user where username = ?", name);
        assertTrue(hash.startsWith("$2"), "bcrypt hash, was " + hash);
        given().auth().preemptive().basic(name, "a-long-enough-secret").contentType("application/json")
                .body(Map.of("slug", Ledger.unique("t"), "name", "Theme")).post("/api/themes").then().statusCode(201);
        given().auth().preemptive().basic(name, "wrong-password-here").get("/api/users").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic"));
    }

    @Test
    void unknownUsersAndWrongPasswordsGetTheSameAnswer() {
        var unknown = given().auth().preemptive().basic("nobody-at-all", "whatever-password").contentType("application/json")
                .body(Map.of("slug", Ledger.unique("t"), "name", "x")).post("/api/themes");
        var wrong = given().auth().preemptive().basic("editor", "whatever-password").contentType("application/json")
                .body(Map.of("slug", Ledger.unique("t"), "name", "x")).post("/api/themes");
        assertEquals(401, unknown.statusCode());
        assertEquals(401, wrong.statusCode());
        assertEquals(unknown.jsonPath().getString("detail"), wrong.jsonPath().getString("detail"));
    }

    @Test
    void shortPasswordsAndNonAdminsAreRefused() {
        var before = ledger.counts();
        as("admin").body(Map.of("username", Ledger.unique("u"), "displayName", "x", "password", "short", "roles", List.of()))
                .post("/api/users").then().statusCode(400).body("errors.field", hasItem("password"));
        as("admin").body(Map.of("username", Ledger.unique("u"), "displayName", "x", "password", "long-enough-password",
                "roles", List.of("KING"))).post("/api/users").then().statusCode(400);
        as("editor").body(Map.of("username", Ledger.unique("u"), "displayName", "x", "password", "long-enough-password",
                "roles", List.of())).post("/api/users").then().statusCode(403);
        anonymous().get("/api/users").then().statusCode(401);
        as("editor").get("/api/users").then().statusCode(403);
        assertEquals(before, ledger.counts());
    }

    @Test
    void aDisabledUserCannotSignIn() {
        String name = Ledger.unique("leaver");
        as("admin").body(Map.of("username", name, "displayName", "Leaver", "password", "a-long-enough-secret",
                "roles", List.of("EDITOR"))).post("/api/users").then().statusCode(201);
        as("admin").body(Map.of("version", 0, "enabled", false)).patch("/api/users/" + name).then().statusCode(200)
                .body("enabled", equalTo(false));
        given().auth().preemptive().basic(name, "a-long-enough-secret").contentType("application/json")
                .body(Map.of("slug", Ledger.unique("t"), "name", "x")).post("/api/themes").then().statusCode(401);
    }

    @Test
    void namesTheServiceWritesItselfCannotBeTaken() {
        for (String reserved : List.of("corpus", "system", "anonymous", "Corpus")) {
            as("admin").body(Map.of("username", reserved, "displayName", "x", "password", "a-long-enough-secret",
                            "roles", List.of("ADMIN"))).post("/api/users").then().statusCode(400)
                    .body("errors.field", hasItem("username"));
        }
    }

    @Test
    void aRoleChangeIsANewVersionSoAPatchFromAnOlderReadIsRefused() {
        String name = Ledger.unique("versioned");
        as("admin").body(Map.of("username", name, "displayName", "V", "password", "a-long-enough-secret",
                "roles", List.of("EDITOR"))).post("/api/users").then().statusCode(201).body("version", equalTo(0));
        as("admin").body(Map.of("version", 0, "roles", List.of("EDITOR", "REVIEWER"))).patch("/api/users/" + name)
                .then().statusCode(200).body("version", equalTo(1));
        as("admin").body(Map.of("version", 0, "roles", List.of("ADMIN"))).patch("/api/users/" + name)
                .then().statusCode(409);
        as("admin").get("/api/users/" + name).then().body("roles", containsInAnyOrder("EDITOR", "REVIEWER"));
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDisabledNorDemoted() {
        // Every other enabled admin is demoted first, so that the configured admin is the last one.
        List<String> admins = as("admin").get("/api/users").jsonPath().getList("findAll { it.enabled && it.roles.contains('ADMIN') }.username");
        for (String other : admins) {
            if (!other.equals("admin")) {
                long v = as("admin").get("/api/users/" + other).jsonPath().getLong("version");
                as("admin").body(Map.of("version", v, "enabled", false)).patch("/api/users/" + other).then().statusCode(200);
            }
        }
        long v = as("admin").get("/api/users/admin").jsonPath().getLong("version");
        as("admin").body(Map.of("version", v, "enabled", false)).patch("/api/users/admin").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("last enabled admin"));
        as("admin").body(Map.of("version", v, "roles", List.of("EDITOR"))).patch("/api/users/admin").then().statusCode(409);
        as("admin").get("/api/users/admin").then().body("enabled", equalTo(true)).body("roles", hasItem("ADMIN"))
                .body("version", equalTo((int) v));
    }
}
