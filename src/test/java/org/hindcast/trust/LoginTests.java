package org.hindcast.trust;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hindcast.testing.Ledger;
import org.hindcast.users.CommonPasswords;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LoginTests {

    private static int tryPassword(String user, String password) {
        return given().auth().preemptive().basic(user, password).get("/api/users/" + user).statusCode();
    }

    @Test
    void anAccountIsLockedAfterFiveFailuresEvenForTheRightPasswordAndTheAnswerSaysNothingMore() {
        String name = Ledger.unique("target");
        as("admin").body(Map.of("username", name, "displayName", "Target", "password", "a-long-enough-secret",
                "roles", List.of("ADMIN"))).post("/api/users").then().statusCode(201);
        assertEquals(200, tryPassword(name, "a-long-enough-secret"));
        for (int i = 0; i < 5; i++) {
            assertEquals(401, tryPassword(name, "wrong-guess-" + i));
        }
        var locked = given().auth().preemptive().basic(name, "a-long-enough-secret").get("/api/users");
        var unknown = given().auth().preemptive().basic("no-such-user-at-all", "a-long-enough-secret").get("/api/users");
        assertEquals(401, locked.statusCode(), "locked: the right password is refused too");
        assertEquals(unknown.statusCode(), locked.statusCode());
        assertEquals(unknown.jsonPath().getString("detail"), locked.jsonPath().getString("detail"),
                "a locked account, a wrong password and an unknown user get the same answer");
        assertEquals(200, tryPassword("admin", "test-admin-password"), "other accounts are not affected");
    }

    @Test
    void passwordsNeedTwelveCharactersAndMayNotBeCommon() {
        assertTrue(CommonPasswords.isCommon("password1234"));
        assertTrue(CommonPasswords.isCommon("Password123!"));
        assertTrue(CommonPasswords.isCommon("aaaaaaaaaaaa"));
        assertFalse(CommonPasswords.isCommon("correct-horse-battery"));
        as("admin").body(Map.of("username", Ledger.unique("weak"), "displayName", "x", "password", "qwertyuiopas",
                        "roles", List.of())).post("/api/users").then().statusCode(400)
                .body("errors.field", hasItem("password")).body("detail", containsString("everyone tries first"));
        as("admin").body(Map.of("username", Ledger.unique("short"), "displayName", "x", "password", "Xy7#kq",
                "roles", List.of())).post("/api/users").then().statusCode(400).body("errors.field", hasItem("password"));
    }

    @Test
    void thePageSessionCookieIsHttpOnlySameSiteAndSecureBehindTls() {
        org.hindcast.testing.Staff.ensure();
        var plain = RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "editor").formParam("j_password", "correct-horse-battery")
                .post("/j_security_check");
        String cookie = plain.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("hindcast-session="))
                .findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: not marked Secure");
        var tls = RestAssured.given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "editor").formParam("j_password", "correct-horse-battery").post("/j_security_check");
        String secure = tls.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("hindcast-session="))
                .findFirst().orElseThrow();
        assertTrue(secure.contains("Secure"), "behind a TLS proxy the cookie is Secure: " + secure);
    }
}
