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
        org.hindcast.testing.LeftoverPostgres.stop(work.resolve("pgdata"));
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

    /** Corpus files an attacker or a careless editor would hand the command line. */
    private Path hostileCorpus(Path corpus) throws IOException {
        Path dir = Files.createDirectories(work.resolve("hostile"));
        String good = Files.readString(corpus.resolve("cli-paper.yaml"));
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            bomb.append("]\n");
        }
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("h01-not-yaml.yaml", "format: hindcast-paper/1\npaper: [unclosed\n");
        files.put("h02-twice.yaml", good.replace("slug: cli-paper", "slug: h02\n  slug: h02-again"));
        files.put("h03-nul.yaml", good.replace("slug: cli-paper", "slug: h03").replace("The first thing happens.", "\"The first\\0 thing.\""));
        files.put("h04-bidi-name.yaml", good.replace("slug: cli-paper", "slug: h04").replace("Cli Author", "\"\u202eCli Author\""));
        files.put("h05-probability.yaml", good.replace("slug: cli-paper", "slug: h05").replace("phrase: is expected to", "probability: 1.5\n  probabilityBasis: EDITOR"));
        files.put("h06-theme.yaml", good.replace("slug: cli-paper", "slug: h06").replace("themes: [taiwan]", "themes: [no-such-theme]"));
        files.put("h07-huge.yaml", good.replace("slug: cli-paper", "slug: h07").replace("The first thing happens.", "x".repeat(200_000)));
        files.put("h08-nesting.yaml", "format: hindcast-paper/1\npaper: " + "[".repeat(5_000));
        files.put("h09-alias-bomb.yaml", "format: hindcast-paper/1\n" + bomb);
        files.put("h10-empty.yaml", "");
        files.put("h11-binary.yaml", "\u0001\u0002\u00ff\ufffe format");
        files.put("h12-types.yaml", good.replace("slug: cli-paper", "slug: h12").replace("resolveBy: '2026-01-01'", "resolveBy: [1, 2]"));
        for (var f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return dir;
    }

    @Test
    void everyCommandAnswersHelpAndAWrongCommandLineIsSaidWithExit2() throws Exception {
        Run help = run("--help");
        assertEquals(0, help.exit(), help.output());
        for (String command : List.of("serve", "import", "export", "extract", "find-evidence")) {
            assertTrue(help.output().contains("  " + command + " "), "the whole help lists " + command + ":\n" + help.output());
            Run own = run(command, "--help");
            assertEquals(0, own.exit(), own.output());
            assertTrue(own.output().startsWith("Usage: hindcast " + command), own.output());
        }
        assertTrue(run("import", "--help").output().contains("--as=ADMIN"));
        assertTrue(run("--version").output().startsWith("hindcast "));
        Run unknown = run("frobnicate");
        assertEquals(2, unknown.exit(), unknown.output());
        assertTrue(unknown.output().contains("Unmatched argument at index 0: 'frobnicate'"), unknown.output());
        Run missing = run("export");
        assertEquals(2, missing.exit(), missing.output());
        assertTrue(missing.output().startsWith("Missing required parameter: 'DIR'"), missing.output());
        Run noAdmin = run("import", work.toString());
        assertEquals(2, noAdmin.exit(), noAdmin.output());
        assertTrue(noAdmin.output().startsWith("Missing required option: '--as=ADMIN'"), noAdmin.output());
        assertEquals(false, Files.exists(work.resolve("pgdata")), "a wrong command line starts nothing");
    }

    @Test
    void findEvidencePrintsTheSentencesOfALaterTextThatBearOnPendingForecastsAsATable() throws Exception {
        Run imported = run("import", corpus().toString(), "--as", "admin");
        assertEquals(0, imported.exit(), imported.output());
        Path text = work.resolve("later-paper.txt");
        Files.writeString(text, "The weather was mild.\n\nThe first thing happened in March, as the minister said it would.\n\n"
                + "Nothing else of note.");
        Run found = run("find-evidence", text.toString(), "--published", "2025-06-01");
        assertEquals(0, found.exit(), found.output());
        assertTrue(found.output().startsWith("later-paper.txt: 3 sentences against 1 pending forecasts made before 2025-06-01"),
                found.output());
        assertTrue(found.output().contains("The first thing happens.") && found.output().contains("The first thing happened in March"),
                found.output());
        assertTrue(found.output().lines().anyMatch(l -> l.contains("score") && l.contains("stance")), "a table with its header");
        Run before = run("find-evidence", text.toString(), "--published", "2024-01-01");
        assertEquals(0, before.exit(), before.output());
        assertTrue(before.output().contains("0 pending forecasts made before 2024-01-01") && before.output().contains(": 0 proposals"),
                before.output());
        Run missing = run("find-evidence", work.resolve("no-such.txt").toString(), "--published", "2025-06-01");
        assertEquals(1, missing.exit(), missing.output());
        assertTrue(missing.output().contains("cannot read"), missing.output());
        Run noDate = run("find-evidence", text.toString());
        assertEquals(2, noDate.exit(), noDate.output());
        assertTrue(noDate.output().contains("--published"), noDate.output());
    }

    @Test
    void aCommandPrintsItsOwnOutputWithoutFrameworkLogLinesAndAPortInUseIsSaidPlainly() throws Exception {
        Path dir = corpus();
        Run imported = run("import", dir.toString(), "--as", "admin");
        assertEquals(0, imported.exit(), imported.output());
        for (String line : imported.output().split("\n")) {
            assertTrue(!line.matches("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d.*") && !line.contains(" INFO ") && !line.contains("[io.quarkus"),
                    "a framework log line in the command's output: " + line);
        }
        assertTrue(imported.output().startsWith("Importing the corpus files in "), imported.output());
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            ProcessBuilder pb = jar(List.of()).redirectOutput(work.resolve("busy.log").toFile());
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(taken.getLocalPort()));
            Process p = pb.start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the service gives up at once");
            String out = Files.readString(work.resolve("busy.log"));
            assertEquals(1, p.exitValue(), out);
            assertTrue(out.contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"), out);
        }
    }

    @Test
    void anImportNamesTheAdminWhoRunsItAndIsAttributedToThem() throws Exception {
        Path dir = corpus();
        Path hostile = hostileCorpus(dir);

        Run anonymous = run("import", dir.toString());
        assertEquals(2, anonymous.exit(), anonymous.output());
        assertTrue(anonymous.output().startsWith("Missing required option: '--as=ADMIN'") && anonymous.output().contains("the records"), anonymous.output());

        Run nobody = run("import", dir.toString(), "--as", "nobody");
        assertEquals(2, nobody.exit(), nobody.output());
        assertTrue(nobody.output().contains("--as nobody: no such user"), nobody.output());

        Run admin = run("import", dir.toString(), "--as", "admin");
        assertEquals(0, admin.exit(), admin.output());
        assertTrue(admin.output().contains("cli-paper.yaml"), admin.output());
        assertTrue(admin.output().contains("as admin"), admin.output());

        // hostile files: each refused with its file and line, none half-written, no stack trace, exit 1
        Run refused = run("import", hostile.toString(), "--as", "admin");
        assertEquals(1, refused.exit(), refused.output());
        for (int i = 1; i <= 12; i++) {
            String name = String.format("h%02d-", i);
            assertTrue(refused.output().lines().anyMatch(l -> l.startsWith(name) && l.contains("REFUSED")), name + ":\n" + refused.output());
        }
        assertEquals(false, refused.output().contains("Exception") || refused.output().contains("\tat "), refused.output());
        assertTrue(refused.output().contains("12 files: 0 records added"), refused.output());
        System.out.println(refused.output());

        int port = org.hindcast.testing.Ports.free();
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
        String created = get(port, "/api/audit?entity=paper&entityId=cli-paper", true).body();
        assertTrue(created.contains("\"actor\":\"admin\"") && created.contains("paper.create"), created);
        assertEquals(false, created.contains("\"actor\":\"corpus\""), created);
        assertTrue(get(port, "/api/sources", false).body().contains("\"total\":1"), "only the good paper: nothing of the hostile files");

        // a command against the data folder of the running service refuses, saying how, and the service keeps answering
        for (String[] command : new String[][]{{"export", work.resolve("export").toString()}, {"import", dir.toString(), "--as", "admin"}}) {
            Run busy = run(command);
            assertEquals(1, busy.exit(), busy.output());
            assertTrue(busy.output().contains("in use by a running Hindcast service, which is left running"), busy.output());
            assertEquals(200, get(port, "/api/sources", false).statusCode(), "the service still answers after " + command[0]);
            assertEquals(200, get(port, "/q/health/ready", false).statusCode());
        }

        // an account that is not an admin cannot run an import
        var editor = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN).getBytes()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"cli-editor\",\"displayName\":\"E\",\"password\":\"cli-editor-password\",\"roles\":[\"EDITOR\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, editor.statusCode(), editor.body());
        service.destroy();
        assertTrue(service.waitFor(60, TimeUnit.SECONDS));
        Run notAdmin = run("import", dir.toString(), "--as", "cli-editor");
        assertEquals(2, notAdmin.exit(), notAdmin.output());
        assertTrue(notAdmin.output().contains("--as cli-editor: not an admin"), notAdmin.output());
    }
}
