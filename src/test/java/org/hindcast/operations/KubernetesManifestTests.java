package org.hindcast.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written manifests fit the service: every probe answers, the port is the service's, users are not root. */
@QuarkusTest
class KubernetesManifestTests {

    private static List<JsonNode> documents(Path file) throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            var it = yaml.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                docs.add(it.next());
            }
        }
        return docs;
    }

    @Test
    void everyProbeOfTheManifestAnswersOnTheRunningService() throws Exception {
        List<JsonNode> docs = documents(Path.of("docker", "kubernetes.yaml"));
        List<String> kinds = docs.stream().map(d -> d.path("kind").asText()).toList();
        assertEquals(List.of("Deployment", "Deployment", "Service", "Service"), kinds, "the Secret is created by the operator, not shipped");
        int probes = 0;
        for (JsonNode d : docs) {
            if (!d.path("kind").asText().equals("Deployment")) {
                continue;
            }
            JsonNode spec = d.path("spec").path("template").path("spec");
            assertTrue(spec.path("securityContext").path("runAsNonRoot").asBoolean(), "non-root");
            assertEquals(d.path("spec").path("selector").path("matchLabels"), d.path("spec").path("template").path("metadata").path("labels"));
            for (JsonNode c : spec.path("containers")) {
                assertEquals(8080, c.path("ports").get(0).path("containerPort").asInt());
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    if (c.has(probe)) {
                        String path = c.path(probe).path("httpGet").path("path").asText();
                        given().get(path).then().statusCode(200);
                        probes++;
                    }
                }
            }
        }
        assertEquals(5, probes);
    }

    @Test
    void theComposeFileAndTheDockerfileRunWhatTheSmokeTestChecks() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker", "compose.yaml").toFile());
        assertEquals("service_healthy", compose.path("services").path("hindcast").path("depends_on").path("postgres").path("condition").asText());
        assertTrue(compose.path("volumes").has("pgdata"), "a named volume for PostgreSQL");
        String dockerfile = Files.readString(Path.of("docker", "Dockerfile"));
        assertTrue(dockerfile.contains("USER hindcast"), "runs as a non-root user");
        assertTrue(dockerfile.contains("/q/health/ready"), "health check on readiness");
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** Values that would be usable secrets if a deployment kept them: none may ship in the repository's configuration. */
    @Test
    void noShippedConfigurationCarriesAUsableSecret() throws Exception {
        List<Path> files = new ArrayList<>();
        try (var docker = Files.list(Path.of("docker"))) {
            // The *.sh files are tests that make throwaway servers; what a deployment runs is the rest.
            docker.filter(f -> !f.toString().endsWith(".sh")).forEach(files::add);
        }
        files.add(Path.of("src", "main", "resources", "application.properties"));
        var assignment = java.util.regex.Pattern.compile(
                "(?im)^\\s*(?:%prod\\.)?[\\w.\\-\"]*(password|secret|encryption-key|_KEY|token)[\\w.\\-\"]*\\s*[:=]\\s*(\\S+)");
        for (Path f : files) {
            String text = Files.readString(f);
            assertFalse(text.toLowerCase().contains("change-me"), f + " holds a placeholder a deployment could keep");
            var m = assignment.matcher(text);
            while (m.find()) {
                String value = m.group(2);
                assertTrue(value.startsWith("${") && value.contains(":?") || value.startsWith("%") || value.startsWith("\"$(")
                                || value.startsWith("$(") || m.group(0).trim().startsWith("%dev.") || m.group(0).trim().startsWith("%test."),
                        f + ": a literal secret: " + m.group(0).trim());
            }
        }
    }
}
