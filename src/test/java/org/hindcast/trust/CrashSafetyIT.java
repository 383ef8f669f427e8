package org.hindcast.trust;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service, killed with SIGKILL in the middle of a write load and of an import, then restarted
 * on the same embedded database: every write that was answered 2xx is there, no corpus file is half
 * imported, and running the import again completes it.
 */
class CrashSafetyIT {

    private static final String ADMIN = "crash-admin-password";
    private static final int PAPERS = 40;
    private static final int FORECASTS_PER_PAPER = 25;

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
        org.hindcast.testing.LeftoverPostgres.stop(work.resolve("pgdata"));
    }

    private Process start(int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("hindcast.app.jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true).redirectOutput(work.resolve("service-" + port + ".log").toFile());
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("HINDCAST_EMBEDDED_DATA_DIR", work.resolve("pgdata").toString());
        pb.environment().put("HINDCAST_ADMIN_PASSWORD", ADMIN);
        pb.environment().put("HINDCAST_CORPUS_DIR", work.resolve("corpus").toString());
        pb.environment().put("HINDCAST_CORPUS_LOAD_ON_FIRST_START", "false");
        pb.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, "/q/health/ready").statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertTrue(p.isAlive(), "the service exited: " + Files.readString(work.resolve("service-" + port + ".log")));
            Thread.sleep(250);
        }
        throw new AssertionError("not ready in 90 s");
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, String user, String password, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A corpus of many papers, so that an import is still running when the service is killed. */
    private void writeCorpus() throws IOException {
        Path dir = Files.createDirectories(work.resolve("corpus"));
        Files.copy(Path.of("forecasts", "themes.yaml"), dir.resolve("themes.yaml"));
        for (int p = 0; p < PAPERS; p++) {
            StringBuilder y = new StringBuilder("format: hindcast-paper/1\npaper:\n  slug: crash-paper-" + p
                    + "\n  title: Crash paper " + p + "\n  publisher: Test\n  published: '2024-05'\n  authors:\n  - name: Crash Author " + p
                    + "\nforecasts:\n");
            for (int f = 0; f < FORECASTS_PER_PAPER; f++) {
                y.append("- key: f").append(f).append("\n  statement: Thing ").append(f).append(" happens\n  quote: Thing ").append(f)
                        .append(" is expected to happen\n  phrase: is expected to\n  resolveBy: '2026-01-01'\n  resolveByBasis: STATED\n")
                        .append("  themes: [taiwan]\n  evidence:\n  - summary: Seen ").append(f).append("\n    observedOn: '2025-01-01'\n")
                        .append("    citationUrl: https://example.org/").append(f).append("\n    stance: SUPPORTS\n")
                        .append("  resolution:\n    outcome: TRUE\n    resolvedOn: '2025-01-02'\n    rationale: It happened\n");
            }
            Files.writeString(dir.resolve(String.format("crash-%02d.yaml", p)), y);
        }
    }

    @Test
    void aKilledServiceLosesNoAnsweredWriteAndHalfImportsNothing() throws Exception {
        writeCorpus();
        int port = org.hindcast.testing.Ports.free();
        service = start(port);
        assertEquals(201, post(port, "/api/users", "admin", ADMIN, "{\"username\":\"crash-editor\",\"displayName\":\"E\","
                + "\"password\":\"crash-editor-password\",\"roles\":[\"EDITOR\"]}").statusCode());

        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 5; t++) {
            int thread = t;
            load.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String slug = "crash-" + thread + "-" + i;
                    try {
                        var r = post(port, "/api/themes", "crash-editor", "crash-editor-password",
                                "{\"slug\":\"" + slug + "\",\"name\":\"Crash " + slug + "\"}");
                        if (r.statusCode() == 201) {
                            answered.add(slug);
                        }
                    } catch (Exception e) {
                        return null; // the service died under us
                    }
                }
                return null;
            });
        }
        load.submit(() -> post(port, "/api/admin/corpus/import", "admin", ADMIN, ""));
        // let the load run and the import get going, then kill the service outright
        long importStarted = System.nanoTime();
        while (System.nanoTime() - importStarted < TimeUnit.SECONDS.toNanos(20)) {
            Thread.sleep(200);
            String count = get(port, "/api/sources?size=1").body();
            Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(count);
            if (m.find() && Integer.parseInt(m.group(1)) >= 5) {
                break;
            }
        }
        service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);   // SIGKILL
        running.set(false);
        load.shutdown();
        load.awaitTermination(60, TimeUnit.SECONDS);
        assertTrue(answered.size() > 10, "the load wrote before the kill: " + answered.size());

        service = start(port);
        List<String> missing = new ArrayList<>();
        for (String slug : answered) {
            if (get(port, "/api/themes/" + slug).statusCode() != 200) {
                missing.add(slug);
            }
        }
        assertEquals(List.of(), missing, "every write answered 2xx survived the SIGKILL");

        int loaded = 0;
        for (int p = 0; p < PAPERS; p++) {
            var paper = get(port, "/api/forecasts?paper=crash-paper-" + p + "&size=1");
            if (paper.statusCode() == 400) {
                continue; // not imported before the kill
            }
            Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(paper.body());
            assertTrue(m.find());
            assertEquals(FORECASTS_PER_PAPER, Integer.parseInt(m.group(1)), "crash-paper-" + p + " is whole or absent");
            loaded++;
        }
        assertTrue(loaded < PAPERS, "the kill came before the import finished (" + loaded + " of " + PAPERS + ")");

        var resumed = post(port, "/api/admin/corpus/import", "admin", ADMIN, "");
        assertEquals(200, resumed.statusCode(), resumed.body());
        for (int p = 0; p < PAPERS; p++) {
            Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(get(port, "/api/forecasts?paper=crash-paper-" + p + "&size=1").body());
            assertTrue(m.find(), "crash-paper-" + p + " imported after the restart");
            assertEquals(FORECASTS_PER_PAPER, Integer.parseInt(m.group(1)));
        }
        Matcher resolved = Pattern.compile("\"total\":(\\d+)").matcher(get(port, "/api/forecasts?status=TRUE&size=1").body());
        assertTrue(resolved.find());
        assertEquals(PAPERS * FORECASTS_PER_PAPER, Integer.parseInt(resolved.group(1)), "every verdict imported exactly once");
        System.out.printf("crash safety: %d writes answered 2xx before SIGKILL, all present after restart; %d of %d papers "
                + "imported whole before the kill, none partly; the second import completed the rest%n", answered.size(), loaded, PAPERS);
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(work.resolve("pgdata").resolve("postmaster.pid")).get(0).trim());
    }

    /**
     * The database killed under a write load (SIGKILL of the postmaster): the service's supervisor starts it
     * again, the service answers again without a restart, and every write answered 2xx before or after is there.
     * Then the service and the database are killed together, and on the next start nothing answered is missing.
     */
    @Test
    void aKilledDatabaseLosesNoAnsweredWriteAndTheServiceBringsItBack() throws Exception {
        int port = org.hindcast.testing.Ports.free();
        service = start(port);
        assertEquals(201, post(port, "/api/users", "admin", ADMIN, "{\"username\":\"crash-editor\",\"displayName\":\"E\","
                + "\"password\":\"crash-editor-password\",\"roles\":[\"EDITOR\"]}").statusCode());
        Set<String> answered = ConcurrentHashMap.newKeySet();
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(5);
        for (int t = 0; t < 5; t++) {
            int thread = t;
            load.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String slug = "dbkill-" + thread + "-" + i;
                    try {
                        var r = post(port, "/api/themes", "crash-editor", "crash-editor-password",
                                "{\"slug\":\"" + slug + "\",\"name\":\"Kill " + slug + "\"}");
                        statuses.add(r.statusCode());
                        if (r.statusCode() == 201) {
                            answered.add(slug);
                        }
                    } catch (Exception e) {
                        Thread.sleep(100);
                    }
                }
                return null;
            });
        }
        Thread.sleep(3000);
        int before = answered.size();
        long pid = postmasterPid();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();       // SIGKILL of the database server
        long killed = System.nanoTime();
        int answeredAfter = -1;
        while (System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(500);
            if (postmasterPid() != pid && get(port, "/q/health/ready").statusCode() == 200) {
                int now = answered.size();
                Thread.sleep(2000);
                if (answered.size() > now) {
                    answeredAfter = answered.size();
                    break;
                }
            }
        }
        double recoverySeconds = (System.nanoTime() - killed) / 1e9;
        assertTrue(answeredAfter > before, "writes are answered again after the database was killed, without a restart "
                + "of the service (statuses seen: " + statuses + ")");
        assertTrue(statuses.contains(503), "during the outage writes were refused with 503: " + statuses);
        assertTrue(service.isAlive(), "the service process kept running");

        // Both at once: the database first, then the service, with no chance for either to stop cleanly.
        ProcessHandle.of(postmasterPid()).orElseThrow().destroyForcibly();
        service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        load.shutdown();
        load.awaitTermination(60, TimeUnit.SECONDS);
        Thread.sleep(1000);

        service = start(port);
        List<String> missing = new ArrayList<>();
        for (String slug : answered) {
            if (get(port, "/api/themes/" + slug).statusCode() != 200) {
                missing.add(slug);
            }
        }
        assertEquals(List.of(), missing, "every write answered 2xx survived both kills");
        System.out.printf("database kill: %d writes answered before the kill, back within %.1f s without a service "
                + "restart; %d writes answered in all, every one present after killing database and service together%n",
                before, recoverySeconds, answered.size());
    }
}
