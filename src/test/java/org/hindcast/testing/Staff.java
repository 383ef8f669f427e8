package org.hindcast.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The staff accounts the tests act as, created once through the API by the configured first admin. */
public final class Staff {

    public static final String PASSWORD = "correct-horse-battery";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private static boolean created;

    private Staff() {
    }

    public static synchronized void ensure() {
        if (created) {
            return;
        }
        create("editor", List.of("EDITOR"));
        create("editor2", List.of("EDITOR"));
        create("analyst", List.of("ANALYST"));
        create("reviewer", List.of("REVIEWER"));
        create("reviewer2", List.of("REVIEWER"));
        // Logs and reviews: may not resolve what they logged themselves.
        create("editor-reviewer", List.of("EDITOR", "REVIEWER"));
        created = true;
    }

    private static void create(String username, List<String> roles) {
        int status = given().auth().preemptive().basic("admin", ADMIN_PASSWORD)
                .contentType("application/json")
                .body(Map.of("username", username, "displayName", username, "password", PASSWORD, "roles", roles))
                .post("/api/users").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("could not create test user " + username + ": HTTP " + status);
        }
    }

    public static RequestSpecification as(String username) {
        ensure();
        String password = username.equals("admin") ? ADMIN_PASSWORD : PASSWORD;
        return given().auth().preemptive().basic(username, password).contentType("application/json");
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType("application/json");
    }
}
