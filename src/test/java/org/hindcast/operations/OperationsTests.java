package org.hindcast.operations;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class OperationsTests {

    @Test
    void healthIncludesTheDatabaseCheck() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsArePublishedForPrometheus() {
        given().get("/api/themes").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theOpenApiDocumentListsTheEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/forecasts'.post", notNullValue())
                .body("paths.'/api/forecasts/{id}/resolutions'.post", notNullValue())
                .body("paths.'/api/forecasts/{id}/evidence'.post", notNullValue())
                .body("paths.'/api/sources/{slug}'.get", notNullValue())
                .body("paths.'/api/authors/{slug}/merge'.post", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void thePhraseTableIsPublicAndSuggestsProbabilities() {
        given().get("/api/phrases").then().statusCode(200).body("version", equalTo("2026.1"));
        given().queryParam("text", "China is unlikely to respond as South Korea intends").get("/api/phrases/suggest")
                .then().statusCode(200).body("phrase", equalTo("unlikely")).body("probability", equalTo(0.25f));
        given().queryParam("text", "Beijing will very likely respond").get("/api/phrases/suggest")
                .then().statusCode(200).body("phrase", equalTo("very likely"));
        given().queryParam("text", "It is not expected to happen").get("/api/phrases/suggest")
                .then().statusCode(200).body("phrase", equalTo("not expected to"));
    }
}
