package org.hindcast.operations;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @jakarta.inject.Inject
    org.hindcast.platform.StartupWork startupWork;

    @Test
    void startUpWorkRunsAfterReadyAndHealthSaysWhatIsStillRunning() throws Exception {
        // the service's own start-up work (skeletons, the finder's interrupted runs, pending scores) was handed over
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'startup-work' }.data.'author-skeletons'", notNullValue())
                .body("checks.find { it.name == 'startup-work' }.data.'evidence-finder-resume'", notNullValue())
                .body("checks.find { it.name == 'startup-work' }.data.'pending-scores'", notNullValue());

        var release = new java.util.concurrent.CountDownLatch(1);
        startupWork.submit("slow-test-task", () -> {
            try {
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        startupWork.submit("failing-test-task", () -> {
            throw new IllegalStateException("no disk");
        });
        // ready while it runs, and saying so
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'startup-work' }.data.background",
                        org.hamcrest.Matchers.allOf(containsString("slow-test-task"), containsString("failing-test-task")));
        release.countDown();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!startupWork.idle() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'startup-work' }.data.background", equalTo("idle"))
                .body("checks.find { it.name == 'startup-work' }.data.'slow-test-task'", org.hamcrest.Matchers.startsWith("done in "))
                .body("checks.find { it.name == 'startup-work' }.data.'failing-test-task'", equalTo("failed: no disk"));
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
                .body("paths.'/api/papers/{slug}'.get", notNullValue())
                .body("paths.'/api/authors/{slug}/merge'.post", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationOfTheOpenApiDocumentHasASummaryATagItsProblemAnswersAndTheWritesNeedHttpBasic() {
        io.restassured.path.json.JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("http", api.getString("components.securitySchemes.basicAuth.type"));
        assertEquals("basic", api.getString("components.securitySchemes.basicAuth.scheme"));
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = api.getMap("paths");
        java.util.List<String> wrong = new java.util.ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!java.util.Set.of("get", "post", "patch", "put", "delete").contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                var o = op.getValue();
                if (o.get("summary") == null || o.get("summary").toString().isBlank()) {
                    wrong.add(name + ": no summary");
                }
                if (!(o.get("tags") instanceof java.util.List<?> tags) || tags.size() != 1 || tags.get(0).equals("Operations")) {
                    wrong.add(name + ": tags " + o.get("tags"));
                }
                var responses = (java.util.Map<String, Object>) o.get("responses");
                if (!responses.containsKey("503")) {
                    wrong.add(name + ": no 503");
                }
                if (path.getKey().contains("{") && !responses.containsKey("404")) {
                    wrong.add(name + ": no 404");
                }
                boolean secured = o.get("security") instanceof java.util.List<?> security && !security.isEmpty();
                if (!op.getKey().equals("get") && !secured) {
                    wrong.add(name + ": a write without HTTP Basic");
                }
                if (secured && !(responses.containsKey("401") && responses.containsKey("403"))) {
                    wrong.add(name + ": secured without 401 and 403");
                }
            }
        }
        assertEquals(java.util.List.of(), wrong);
        assertTrue(operations >= 45, operations + " operations");
        // an error answer says what it is and shows an example; a common write shows an example request
        assertEquals("#/components/schemas/Problem", api.getString(
                "paths.'/api/forecasts/{id}/evidence'.post.responses.'400'.content.'application/problem+json'.schema.'$ref'"));
        assertTrue(api.getString("paths.'/api/forecasts/{id}/evidence'.post.responses.'400'.content.'application/problem+json'.examples.'400'.value")
                .contains("observedOn"));
        assertTrue(api.getString("paths.'/api/forecasts'.post.requestBody.content.'application/json'.examples.example.value")
                .contains("is expected to"));
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
