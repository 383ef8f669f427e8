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
}
