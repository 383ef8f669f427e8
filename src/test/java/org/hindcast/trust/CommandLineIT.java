package org.hindcast.trust;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line as an operator runs it, on the packaged jar and a fresh embedded database: an import names
 * the admin who runs it (refused with a clear message and exit 2 otherwise, writing nothing), and what it
 * writes is attributed to that admin in the records and the audit log.
 */
class CommandLineIT {

    private static final String ADMIN = "cli-admin-password";

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process service;

    @AfterEach
    void stop() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    record Run(int exit, String output) {
    }

    private ProcessBuilder jar(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("hindcast.app.jar", "target/quarkus-app/quarkus-run.jar")));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HINDCAST_EMBEDDED_DATA_DIR", work.resolve("pgdata").toString());
        pb.environment().put("HINDCAST_ADMIN_PASSWORD", ADMIN);
        pb.environment().put("HINDCAST_CORPUS_LOAD_ON_FIRST_START", "false");
        pb.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        return pb;
    }

    private Run run(String... args) throws Exception {
        Path log = work.resolve("cli-" + System.nanoTime() + ".log");
        Process p = jar(List.of(args)).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the command did not finish");
        return new Run(p.exitValue(), Files.readString(log));
    }

    private Path corpus() throws IOException {
        Path dir = Files.createDirectories(work.resolve("corpus"));
        Files.copy(Path.of("forecasts", "themes.yaml"), dir.resolve("themes.yaml"));
        Files.writeString(dir.resolve("cli-paper.yaml"), """
                format: hindcast-paper/1
                paper:
                  slug: cli-paper
                  title: A paper imported from the command line
                  publisher: Test Institute
                  published: '2024-05'
                  authors:
                  - name: Cli Author
                forecasts:
                - key: first
                  statement: The first thing happens.
                  quote: The first thing is expected to happen.
                  phrase: is expected to
                  resolveBy: '2026-01-01'
                  resolveByBasis: STATED
                  themes: [taiwan]
                """);
        return dir;
    }

    private HttpResponse<String> get(int port, String path, boolean asAdmin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        if (asAdmin) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN).getBytes()));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anImportNamesTheAdminWhoRunsItAndIsAttributedToThem() throws Exception {
        Path dir = corpus();

        Run anonymous = run("import", dir.toString());
        assertEquals(2, anonymous.exit(), anonymous.output());
        assertTrue(anonymous.output().contains("--as USERNAME"), anonymous.output());

        Run nobody = run("import", dir.toString(), "--as", "nobody");
        assertEquals(2, nobody.exit(), nobody.output());
        assertTrue(nobody.output().contains("--as nobody: no such user"), nobody.output());

        Run admin = run("import", dir.toString(), "--as", "admin");
        assertEquals(0, admin.exit(), admin.output());
        assertTrue(admin.output().contains("cli-paper.yaml"), admin.output());
        assertTrue(admin.output().contains("as admin"), admin.output());

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = jar(List.of()).redirectOutput(work.resolve("service.log").toFile());
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        service = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try {
                if (get(port, "/q/health/ready", false).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertTrue(System.nanoTime() < deadline && service.isAlive(), Files.readString(work.resolve("service.log")));
            Thread.sleep(250);
        }
        String runs = get(port, "/api/audit?entity=corpus", true).body();
        assertTrue(runs.contains("\"actor\":\"admin\"") && runs.contains("\"action\":\"corpus.import\""), runs);
        assertTrue(runs.contains("2 files: "), "one run: the two refused attempts wrote nothing: " + runs);
        String created = get(port, "/api/audit?entity=source&entityId=cli-paper", true).body();
        assertTrue(created.contains("\"actor\":\"admin\"") && created.contains("source.create"), created);
        assertEquals(false, created.contains("\"actor\":\"corpus\""), created);
    }
}
