package org.hindcast.operations;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A read replica serves reads and refuses writes. */
@QuarkusTest
@TestProfile(ReadOnlyReplicaTests.ReadOnly.class)
class ReadOnlyReplicaTests {

    public static class ReadOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hindcast.read-only", "true");
        }
    }

    @Test
    void readsAreServedAndWritesAreSentToThePrimary() {
        given().get("/api/forecasts").then().statusCode(200);
        given().get("/").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().auth().preemptive().basic("admin", "test-admin-password").contentType("application/json")
                .body(Map.of("slug", "read-only", "name", "Read only")).post("/api/themes").then()
                .statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo("This replica serves reads only; send writes to the primary service."));
    }
}
