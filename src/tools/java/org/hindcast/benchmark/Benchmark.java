package org.hindcast.benchmark;

import org.flywaydb.core.Flyway;
import org.hindcast.platform.EmbeddedDatabase;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code benchmark [--data DIR] [--work DIR] [--seconds 20] [--connections 64] [--resolutions 200]
 * [--authors N --papers N --forecasts N]}: the measurements of issue #8 in one run on one machine, printed
 * as a table beside PostgreSQL's own figures for the same work.
 *
 * <ol>
 *   <li>a fresh embedded PostgreSQL in WORK (the service's own default server);</li>
 *   <li>the synthetic ledger in DATA, generated first if DATA is empty (10,000 authors, 100,000 papers,
 *       1,000,000 forecasts by default);</li>
 *   <li>the service's importer ({@code import DIR}, a child JVM) into one database, then COPY of the very rows
 *       it wrote into the same tables of a second, freshly migrated database;</li>
 *   <li>the service started on that database (start-up time to a ready health check), then, for a
 *       prolific and a typical author's track record (API), author page (HTML) and the leaderboard: a
 *       closed-loop HTTP load at 64 connections, and pgbench at 64 clients running the SQL the service runs for
 *       that answer;</li>
 *   <li>resolutions one after another through the API, each checked to have refreshed the leaderboard rows;</li>
 *   <li>the service's resident memory after all that.</li>
 * </ol>
 * Everything is loopback. It exits 1 with a message when a step fails, and 0 after printing the table,
 * whether or not the goals are met: the table says which are.
 */
public final class Benchmark {

    /** The service's JVM flags, as the README's run command and docker/Dockerfile give them. */
    static final String SERVICE_JVM_OPTIONS = "-Xmx192m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m";
    private static final String ADMIN_PASSWORD = "benchmark-admin-password";
    /** The benchmark's own embedded server's generated password. */
    static String dbPassword = "";
    private static final String REVIEWER_PASSWORD = "benchmark-reviewer-password";
    /** The fewest verdicts given before the measured ones, not counted (see resolutions). */
    static final int RESOLUTION_WARM_UP = 10;
    /** The most verdicts the warm-up may give (the pending forecasts it picks from). */
    private static final int RESOLUTION_WARM_UP_MAX = 2000;

    private final Map<String, String> opt;
    private final Path jar;
    private final String javaCommand;
    private final List<String[]> table = new ArrayList<>();
    private EmbeddedDatabase db;
    private Process service;

    private Benchmark(Map<String, String> opt) {
        this.opt = opt;
        this.jar = Path.of(opt.get("--jar")).toAbsolutePath();
        this.javaCommand = ProcessHandle.current().info().command().orElse("java");
    }

    /** The option names and their defaults, as org.hindcast.tools.Tools's benchmark command gives them. */
    public static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("--data", "target/benchmark/synthetic"),
            Map.entry("--work", "target/benchmark/work"), Map.entry("--seconds", "20"), Map.entry("--warm-up", "5"),
            Map.entry("--connections", "64"), Map.entry("--resolutions", "200"), Map.entry("--authors", "10000"),
            Map.entry("--papers", "100000"), Map.entry("--forecasts", "1000000"), Map.entry("--pgbench", "pgbench"),
            Map.entry("--jar", "target/quarkus-app/quarkus-run.jar"));
    // --report FILE[,FILE] (or none): where the table is written; by default README.md and docs/performance.md at full size

    public static int run(Map<String, String> options) {
        Map<String, String> opt = new java.util.HashMap<>(DEFAULTS);
        opt.putAll(options);
        Benchmark b = new Benchmark(opt);
        try {
            b.all();
            return 0;
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e.getMessage());
            e.printStackTrace();
            return 1;
        } finally {
            b.stop();
        }
    }

    private void all() throws Exception {
        String pgbench = findPgbench(opt.get("--pgbench"));
        Path data = Path.of(opt.get("--data"));
        Path work = Path.of(opt.get("--work"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the service's packaged jar is not at " + jar + ": package it first "
                    + "(./mvnw -B package -DskipTests), or give --jar");
        }
        step("synthetic ledger in " + data.toAbsolutePath());
        if (!Files.isDirectory(data) || isEmpty(data)) {
            var size = new SyntheticLedger.Size(Integer.parseInt(opt.get("--authors")), Integer.parseInt(opt.get("--papers")),
                    Integer.parseInt(opt.get("--forecasts")), 0.7);
            System.out.print(GenerateCommand.write(data, size, 1, true).table());
        } else {
            System.out.println("  (already generated: delete the directory to generate again)");
        }

        step("a fresh embedded PostgreSQL in " + work.toAbsolutePath());
        deleteTree(work);
        db = EmbeddedDatabase.start(work.resolve("pgdata"), 0);
        dbPassword = db.password();
        String benchUrl = db.jdbcUrl();
        String copyUrl = benchUrl.replaceAll("/[^/]+$", "/hindcast_copy");
        try (Connection c = DriverManager.getConnection(benchUrl, EmbeddedDatabase.USER, dbPassword)) {
            c.createStatement().execute("create database hindcast_copy");
        }
        System.out.println("  PostgreSQL " + scalar(benchUrl, "show server_version") + ", shared_buffers "
                + scalar(benchUrl, "show shared_buffers"));

        step("import through the service's importer (" + jar.getFileName() + " import)");
        List<String> out = runChild(List.of(javaCommand, "-jar", jar.toString(), "import", data.toAbsolutePath().toString(), "--as", "admin"), benchUrl,
                Duration.ofHours(2));
        Matcher m = Pattern.compile("imported ([\\d,]+) forecasts in ([\\d.]+) s").matcher(String.join("\n", out));
        if (!m.find()) {
            throw new IllegalStateException("the importer did not report what it imported");
        }
        long forecasts = Long.parseLong(m.group(1).replace(",", ""));
        double importSeconds = Double.parseDouble(m.group(2));

        step("COPY of the same rows into the same tables of a freshly migrated database");
        Flyway.configure().dataSource(copyUrl, EmbeddedDatabase.USER, dbPassword).locations("classpath:db/migration").load().migrate();
        double copySeconds = copyTables(benchUrl, copyUrl, work.resolve("copy"));
        double importRatio = copySeconds / importSeconds;
        row("bulk import, service's importer", String.format(Locale.ROOT, "%,.0f forecasts/s", forecasts / importSeconds),
                String.format(Locale.ROOT, "%,d forecasts and their rows in %.1f s", forecasts, importSeconds), "", "");
        row("COPY of the same rows", String.format(Locale.ROOT, "%,.0f forecasts/s", forecasts / copySeconds),
                String.format(Locale.ROOT, "%.1f s", copySeconds), "", "");
        row("import / COPY", String.format(Locale.ROOT, "%.2fx", importRatio), "", ">= 0.30x", verdict(importRatio >= 0.3));
        analyze(benchUrl);

        step("start the service on the loaded database");
        int port = freePort();
        long spawned = System.nanoTime();
        service = startService(benchUrl, port);
        URI base = URI.create("http://127.0.0.1:" + port);
        double readySeconds = waitReady(base, spawned);
        String quarkusStarted = serviceLog.stream().map(l -> {
            Matcher sm = Pattern.compile("started in ([\\d.]+)s").matcher(l);
            return sm.find() ? sm.group(1) : null;
        }).filter(java.util.Objects::nonNull).findFirst().orElse("?");
        row("start-up: process to ready", String.format(Locale.ROOT, "%.2f s", readySeconds), "Quarkus 'started in' " + quarkusStarted
                        + " s; java " + SERVICE_JVM_OPTIONS,
                "< 3 s", verdict(readySeconds < 3));

        String[] authors = authors(benchUrl);
        String prolific = authors[0];
        String typical = authors[2];
        System.out.println("  prolific author " + prolific + " (" + authors[1] + " forecasts), typical author " + typical
                + " (" + authors[3] + " forecasts)");
        long prolificId = Long.parseLong(scalar(benchUrl, "select id from author where slug = '" + prolific + "'"));
        long typicalId = Long.parseLong(scalar(benchUrl, "select id from author where slug = '" + typical + "'"));

        int connections = Integer.parseInt(opt.get("--connections"));
        double seconds = Double.parseDouble(opt.get("--seconds"));
        double warmUp = Double.parseDouble(opt.get("--warm-up"));
        Path scripts = Files.createDirectories(work.resolve("pgbench"));

        step("the floor: a trivial request (readiness check) at " + connections + " connections");
        HttpLoad.Result floor = HttpLoad.run(base.resolve("/q/health/ready"), connections, warmUp, seconds);
        row("floor: readiness check (HTTP)", String.format(Locale.ROOT, "%,.0f req/s, p50 %.1f, p99 %.1f ms", floor.perSecond(),
                floor.latencies().millis(0.5), floor.latencies().millis(0.99)), "the load tool and the service share the cores", "", "");
        compare("track record, prolific (API)", base.resolve("/api/authors/" + prolific + "/track-record"),
                SqlEquivalents.trackRecord(prolific, prolificId, allIds(benchUrl, prolificId)), pgbench, scripts, connections, warmUp, seconds, 50, 0.5);
        againstFloor("track record, prolific, gzip accepted (API)", base.resolve("/api/authors/" + prolific + "/track-record"),
                floor, connections, warmUp, seconds, "Accept-Encoding", "gzip");
        compare("track record, typical (API)", base.resolve("/api/authors/" + typical + "/track-record"),
                SqlEquivalents.trackRecord(typical, typicalId, allIds(benchUrl, typicalId)), pgbench, scripts, connections, warmUp, seconds, 50, 0.5);
        compare("author page, prolific (HTML)", base.resolve("/authors/" + prolific),
                SqlEquivalents.authorPage(prolific, prolificId, allIds(benchUrl, prolificId), ids(benchUrl, prolificId, true), ids(benchUrl, prolificId, false)), pgbench, scripts, connections, warmUp, seconds, 0, 0);
        compare("author page, typical (HTML)", base.resolve("/authors/" + typical),
                SqlEquivalents.authorPage(typical, typicalId, allIds(benchUrl, typicalId), ids(benchUrl, typicalId, true), ids(benchUrl, typicalId, false)), pgbench, scripts, connections, warmUp, seconds, 0, 0);
        compare("leaderboard, " + scalar(benchUrl, "select count(*) from author_score") + " authors (API)",
                base.resolve("/api/leaderboard?size=50"), SqlEquivalents.leaderboard(), pgbench, scripts, connections, warmUp,
                seconds, 100, 0);
        Latencies single = new Latencies();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 200; i++) {
            long t = System.nanoTime();
            http.send(HttpRequest.newBuilder(base.resolve("/api/leaderboard?size=50")).build(), HttpResponse.BodyHandlers.discarding());
            single.add(System.nanoTime() - t);
        }
        row("leaderboard, one client at a time", String.format(Locale.ROOT, "p50 %.1f ms", single.millis(0.5)),
                String.format(Locale.ROOT, "p99 %.1f ms", single.millis(0.99)), "< 100 ms", verdict(single.millis(0.99) < 100));

        // Search (full-text, V13) and the reviewers' queue, one client at a time: a common word, two words that
        // narrow it, a word with a filter, an author's name; the queue's first page.
        sequential(http, base, "search, a common word (API)", "/api/forecasts?q=Seoul", 100, 300);
        sequential(http, base, "search, two words, by relevance (API)", "/api/forecasts?q=Pyongyang+summit&sort=relevance", 100, 300);
        sequential(http, base, "search, a word on a theme (API)", "/api/forecasts?q=tariffs&theme=syn-us-china", 100, 300);
        sequential(http, base, "search page, a phrase, 2nd page", "/search?q=%22joint+exercises%22&page=1", 100, 300);
        sequential(http, base, "reviewers' queue, due in 30 days (API)", "/api/forecasts?dueWithinDays=30&sort=resolveBy", 100, 300);

        evidenceFinder(http, base, benchUrl);

        resolutions(base, benchUrl, prolificId, Integer.parseInt(opt.get("--resolutions")), warmUp);

        long rssKb = Long.parseLong(runAndRead(List.of("ps", "-o", "rss=", "-p", Long.toString(service.pid()))).trim());
        row("resident memory after the load", String.format(Locale.ROOT, "%.0f MB", rssKb / 1024.0), "ps rss of the service JVM",
                "< 400 MB", verdict(rssKb / 1024.0 < 400));

        startupWithClassData(benchUrl, work);
        startupWithAotCache(benchUrl, work);

        String heading = String.format(Locale.ROOT, "Hindcast benchmark, %s, %d cores, %s forecasts, %d connections, %.0f s per load",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), String.format(Locale.ROOT, "%,d", forecasts),
                connections, seconds);
        System.out.println();
        System.out.println(heading);
        printTable();
        List<Path> reports = reports(forecasts);
        if (!reports.isEmpty()) {
            String block = markdown(heading, machine(), table);
            for (Path report : reports) {
                replaceBetweenMarkers(report, block);
                System.out.println("  table written into " + report);
            }
        }
    }

    /** Where the run's table goes: {@code --report} files, else README.md and docs/performance.md for a run at full size. */
    private List<Path> reports(long forecasts) {
        String given = opt.get("--report");
        if (given == null) {
            return forecasts == Long.parseLong(DEFAULTS.get("--forecasts")) ? List.of(Path.of("README.md"), Path.of("docs", "performance.md")) : List.of();
        }
        return given.equals("none") ? List.of() : java.util.Arrays.stream(given.split(",")).map(String::trim).map(Path::of).toList();
    }

    static final String START = "<!-- benchmark-table:start (written by the benchmark: do not edit by hand) -->";
    static final String END = "<!-- benchmark-table:end -->";

    /** The machine the run measured: processor, cores, memory, operating system and Java. */
    static String machine() {
        String cpu = System.getProperty("os.arch");
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture says enough
        }
        long memory = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "%s, %d cores, %.0f GiB, %s %s, Java %s", cpu, Runtime.getRuntime().availableProcessors(),
                memory / (1024.0 * 1024 * 1024), System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    /** The table as Markdown: heading, machine, the rows, and how many goals were met and missed. */
    static String markdown(String heading, String machine, List<String[]> rows) {
        StringBuilder md = new StringBuilder();
        md.append('`').append(heading).append("`\n\nMachine: ").append(machine).append(".\n\n");
        md.append("| measure | service | beside it | goal | |\n|---|---|---|---|---|\n");
        for (String[] r : rows) {
            md.append('|');
            for (String cell : r) {
                md.append(' ').append(cell.replace("|", "\\|")).append(" |");
            }
            md.append('\n');
        }
        long met = rows.stream().filter(r -> r[4].equals("met")).count();
        long missed = rows.stream().filter(r -> r[4].equals("MISSED")).count();
        md.append("\nGoals: ").append(met).append(" met, ").append(missed).append(" missed; rows without a goal are measured only.\n");
        return md.toString();
    }

    /** Replaces what stands between the benchmark's markers in a Markdown file; the rest of the file is kept. */
    static void replaceBetweenMarkers(Path file, String block) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(file + " has no benchmark table markers (" + START + " ... " + END + ")");
        }
        String updated = text.substring(0, start + START.length()) + "\n" + block + text.substring(end);
        Path temporary = file.resolveSibling(file.getFileName() + ".benchmark-tmp");
        Files.writeString(temporary, updated, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    // ----- steps ------------------------------------------------------------------------------------

    /**
     * The evidence finder on a 30-page paper (560 sentences, about 90,000 characters: statements of the ledger's own
     * forecasts, so that it has much to propose) attached to the newest paper, against every pending forecast made
     * before it: one analyst's request at a time, after one to warm up.
     */
    private void evidenceFinder(HttpClient http, URI base, String benchUrl) throws Exception {
        step("evidence finder: a 30-page paper against the pending forecasts made before it");
        String slug;
        StringBuilder text = new StringBuilder();
        try (Connection c = DriverManager.getConnection(benchUrl, EmbeddedDatabase.USER, dbPassword);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select slug from paper order by published_on desc, id desc limit 1")) {
                rs.next();
                slug = rs.getString(1);
            }
            st.execute("select setseed(0.3)");
            try (ResultSet rs = st.executeQuery("select statement from forecast order by random() limit 560")) {
                int n = 0;
                while (rs.next()) {
                    text.append(rs.getString(1).replaceAll("\\.$", "")).append(n % 7 == 6 ? ".\n\n" : ". ");
                    n++;
                }
            }
        }
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        var created = http.send(HttpRequest.newBuilder(base.resolve("/api/users")).header("Authorization", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench-analyst\","
                        + "\"displayName\":\"Benchmark analyst\",\"password\":\"" + REVIEWER_PASSWORD + "\",\"roles\":[\"EDITOR\",\"ANALYST\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create the analyst: HTTP " + created.statusCode() + " " + created.body());
        }
        String analyst = "Basic " + Base64.getEncoder().encodeToString(("bench-analyst:" + REVIEWER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        var attached = http.send(HttpRequest.newBuilder(base.resolve("/api/papers/" + slug + "/text")).header("Authorization", analyst)
                .header("Content-Type", "text/plain; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(text.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (attached.statusCode() != 200) {
            throw new IllegalStateException("could not attach the paper's text: HTTP " + attached.statusCode() + " " + attached.body());
        }
        // the finder runs by itself once the text is stored: its run, as the paper page reports it
        long waitedFrom = System.nanoTime();
        String run = "";
        while (System.nanoTime() - waitedFrom < 600_000_000_000L) {
            run = http.send(HttpRequest.newBuilder(base.resolve("/api/papers/" + slug + "/evidence-proposals/last-run"))
                    .header("Authorization", analyst).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body();
            if (!run.contains("\"QUEUED\"") && !run.contains("\"RUNNING\"")) {
                break;
            }
            Thread.sleep(250);
        }
        if (!run.contains("\"status\":\"DONE\"")) {
            throw new IllegalStateException("the evidence finder's run on attach did not end well: " + run);
        }
        row("evidence finder, its run when the text is attached", String.format(Locale.ROOT, "%,d ms", field(run, "millis")),
                String.format(Locale.ROOT, "%,d pending forecasts read, %,d proposals; in the background, the paper's sentences embedded for the first time",
                        field(run, "forecastsRead"), field(run, "proposals")), "(measured)", "");
        Latencies latencies = new Latencies();
        String summary = "";
        for (int i = 0; i < 6; i++) {
            long t = System.nanoTime();
            var answer = http.send(HttpRequest.newBuilder(base.resolve("/api/papers/" + slug + "/evidence-proposals?limit=100"))
                    .header("Authorization", analyst).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the evidence finder answered HTTP " + answer.statusCode() + " " + answer.body());
            }
            if (i > 0) {
                latencies.add(System.nanoTime() - t);
            }
            summary = String.format(Locale.ROOT, "%,d sentences, %,d pending forecasts read, %,d proposals; %,d characters; %s",
                    field(answer.body(), "sentences"), field(answer.body(), "forecastsRead"), field(answer.body(), "total"), text.length(),
                    answer.body().replaceAll("(?s).*\"ranking\":\"([^\"]*)\".*", "ranked by $1"));
        }
        row("evidence finder, a 30-page paper (API)", String.format(Locale.ROOT, "p50 %.0f, max %.0f ms", latencies.millis(0.5),
                latencies.millis(1.0)), summary + " (5 requests after one to warm up)", "(measured)", "");
    }

    /** A whole-number field of a JSON answer, wherever it stands in it. */
    private static long field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    /** A row of one client's requests in turn: p50 and p99 of the answers (200 expected), against a p99 goal. */
    private void sequential(HttpClient http, URI base, String what, String path, int requests, double p99GoalMs) throws Exception {
        step(what + ": " + requests + " requests, one at a time");
        Latencies latencies = new Latencies();
        int errors = 0;
        for (int i = 0; i < requests + 10; i++) {
            long t = System.nanoTime();
            int status = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", path.startsWith("/api") ? "application/json"
                    : "text/html").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (i >= 10) {
                latencies.add(System.nanoTime() - t);
                errors += status == 200 ? 0 : 1;
            }
        }
        row(what, String.format(Locale.ROOT, "p50 %.1f, p99 %.1f ms%s", latencies.millis(0.5), latencies.millis(0.99),
                        errors > 0 ? ", " + errors + " errors" : ""), path, "p99 < " + (int) p99GoalMs + " ms",
                verdict(errors == 0 && latencies.millis(0.99) < p99GoalMs));
    }

    private void compare(String what, URI uri, String sql, String pgbench, Path scripts, int connections, double warmUp,
                         double seconds, double p99GoalMs, double ratioGoal) throws Exception {
        step(what + ": HTTP at " + connections + " connections, then pgbench");
        HttpLoad.Result http = HttpLoad.run(uri, connections, warmUp, seconds);
        PgBench.Result pg = PgBench.run(pgbench, db.port(), "hindcast", sql, scripts, connections, seconds);
        double ratio = http.perSecond() / pg.perSecond();
        String goal = (p99GoalMs > 0 ? "p99 < " + (int) p99GoalMs + " ms" : "") + (ratioGoal > 0 ? ", >= " + ratioGoal + "x" : "");
        boolean met = (p99GoalMs <= 0 || http.latencies().millis(0.99) < p99GoalMs) && (ratioGoal <= 0 || ratio >= ratioGoal)
                && http.errors() == 0;
        row(what, String.format(Locale.ROOT, "%,.0f req/s, p50 %.1f, p99 %.1f ms%s", http.perSecond(), http.latencies().millis(0.5),
                        http.latencies().millis(0.99), http.errors() > 0 ? ", " + http.errors() + " errors" : ""),
                String.format(Locale.ROOT, "pgbench %,.0f tps, p50 %.1f, p99 %.1f ms; ratio %.2fx", pg.perSecond(),
                        pg.latencies().millis(0.5), pg.latencies().millis(0.99), ratio),
                goal.isEmpty() ? "(measured)" : goal.replaceFirst("^, ", ""), goal.isEmpty() ? "" : verdict(met));
    }

    /**
     * A load measured against the floor row of the same run (issue 18's goal: p99 under 50 ms and within 1.5x of the
     * floor's p99), with request headers such as a browser's {@code Accept-Encoding: gzip}.
     */
    private void againstFloor(String what, URI uri, HttpLoad.Result floor, int connections, double warmUp, double seconds,
                              String... headers) throws Exception {
        step(what + ": HTTP at " + connections + " connections");
        HttpLoad.Result http = HttpLoad.run(uri, connections, warmUp, seconds, headers);
        double p99 = http.latencies().millis(0.99);
        double ofFloor = p99 / floor.latencies().millis(0.99);
        boolean met = p99 < 50 && ofFloor <= 1.5 && http.errors() == 0;
        StringBuilder sent = new StringBuilder();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            sent.append(sent.isEmpty() ? "" : ", ").append(headers[i]).append(": ").append(headers[i + 1]);
        }
        row(what, String.format(Locale.ROOT, "%,.0f req/s, p50 %.1f, p99 %.1f ms%s", http.perSecond(), http.latencies().millis(0.5), p99,
                        http.errors() > 0 ? ", " + http.errors() + " errors" : ""),
                String.format(Locale.ROOT, "p99 %.2fx the floor's; %s", ofFloor, sent), "p99 < 50 ms, <= 1.5x floor", verdict(met));
    }

    private void resolutions(URI base, String url, long prolificId, int count, double warmUpSeconds) throws Exception {
        step("resolving " + count + " forecasts one after another, each until its figures are fresh");
        List<long[]> picked = new ArrayList<>();
        List<long[]> warmUp = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, dbPassword);
             Statement s = c.createStatement()) {
            // Pending forecasts drawn at random (so authors come up as often as they write), then some of the prolific
            // author's, whose records are the largest to recompute.
            try (ResultSet r = s.executeQuery("(select f.id, f.version, 0 from forecast f where f.status = 'PENDING' and f.speaker = 'AUTHORS' "
                    + "order by md5(f.id::text) limit " + (count - count / 4) + ") union all "
                    + "(select f.id, f.version, 1 from forecast f join forecast_author fa on fa.forecast_id = f.id "
                    + "where fa.author_id = " + prolificId + " and f.status = 'PENDING' order by f.id desc limit " + (count / 4) + ")")) {
                while (r.next()) {
                    picked.add(new long[]{r.getLong(1), r.getLong(2), r.getLong(3)});
                }
            }
            // Others, not measured, resolved first for as long as the read rows warm up (at least 10): the service has
            // served loads but no verdict yet, and the write path's code (Hibernate's inserts and flushes, the
            // transaction's end) is compiled by the JIT only after some hundreds of verdicts.
            try (ResultSet r = s.executeQuery("select f.id, f.version from forecast f where f.status = 'PENDING' and f.speaker = 'AUTHORS' "
                    + "and not exists (select 1 from forecast_author fa where fa.forecast_id = f.id and fa.author_id = " + prolificId + ") "
                    + "order by md5(f.id::text) offset " + (count - count / 4) + " limit " + RESOLUTION_WARM_UP_MAX)) {
                while (r.next()) {
                    warmUp.add(new long[]{r.getLong(1), r.getLong(2)});
                }
            }
        }
        // HTTP/1.1 as the load rows (HttpLoad) and browsers over plain HTTP: Java's client would otherwise upgrade to h2c
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        var created = http.send(HttpRequest.newBuilder(base.resolve("/api/users")).header("Authorization", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench-reviewer\","
                        + "\"displayName\":\"Benchmark reviewer\",\"password\":\"" + REVIEWER_PASSWORD + "\",\"roles\":[\"REVIEWER\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create the reviewer: HTTP " + created.statusCode() + " " + created.body());
        }
        String reviewer = "Basic " + Base64.getEncoder().encodeToString(("bench-reviewer:" + REVIEWER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        Latencies warming = new Latencies();
        long warmUntil = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        for (long[] f : warmUp) {
            if (warming.size() >= RESOLUTION_WARM_UP && System.nanoTime() >= warmUntil) {
                break;
            }
            warming.add(resolve(http, base, reviewer, f, "FALSE", "Benchmark verdict, to warm up."));
        }
        if (warming.size() < RESOLUTION_WARM_UP) {
            throw new IllegalStateException("only " + warming.size() + " pending forecasts to warm the resolutions up with; "
                    + RESOLUTION_WARM_UP + " are needed");
        }
        Latencies latencies = new Latencies();
        Latencies ofProlific = new Latencies();
        Latencies recomputed = new Latencies();
        String prolificSlug = scalar(url, "select slug from author where id = " + prolificId);
        int fresh = 0;
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, dbPassword)) {
            for (long[] f : picked) {
                String figures = "select coalesce(sum(s.n), 0) || '/' || coalesce(max(s.refreshed_at)::text, '') from forecast_author fa "
                        + "left join author_score s on s.author_id = fa.author_id where fa.forecast_id = " + f[0];
                String before = scalar(c, figures);
                (f[2] == 1 ? ofProlific : latencies).add(resolve(http, base, reviewer, f, "TRUE", "Benchmark verdict."));
                // Fresh: the authors' leaderboard rows count the new verdict, already when the answer arrives.
                long authorsOf = Long.parseLong(scalar(c, "select count(*) from forecast_author where forecast_id = " + f[0]));
                long nBefore = Long.parseLong(before.split("/")[0]);
                long nAfter = Long.parseLong(scalar(c, figures).split("/")[0]);
                if (nAfter == nBefore + authorsOf) {
                    fresh++;
                }
                if (f[2] == 0) {
                    continue;
                }
                // The next read of the prolific author's record cannot come from the cache: it is computed afresh.
                long r0 = System.nanoTime();
                int status = http.send(HttpRequest.newBuilder(base.resolve("/api/authors/" + prolificSlug + "/track-record")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                recomputed.add(System.nanoTime() - r0);
                if (status != 200) {
                    throw new IllegalStateException("the prolific author's track record answered " + status);
                }
            }
        }
        row("resolution until figures fresh", String.format(Locale.ROOT, "p50 %.1f, p99 %.1f ms", latencies.millis(0.5),
                        latencies.millis(0.99)),
                String.format(Locale.ROOT, "%d random pending forecasts, one at a time, after %d not counted; %d of all %d fresh on answer",
                        latencies.size(), warming.size(), fresh, picked.size()),
                "p99 < 30 ms", verdict(latencies.millis(0.99) < 30 && fresh == picked.size()));
        row("  the same, during the warm-up (not counted)", String.format(Locale.ROOT, "p50 %.1f, p99 %.1f ms", warming.millis(0.5),
                warming.millis(0.99)), String.format(Locale.ROOT, "the first %d verdicts after the loads, %.0f s as the read rows' warm-up, at least %d",
                warming.size(), warmUpSeconds, RESOLUTION_WARM_UP), "", "");
        row("  the same, prolific author's forecasts", String.format(Locale.ROOT, "p50 %.1f, p99 %.1f ms", ofProlific.millis(0.5),
                ofProlific.millis(0.99)), ofProlific.size() + " resolutions; by (p, o) deltas, whatever the record's size", "", "");
        row("track record, prolific, first read after a write", String.format(Locale.ROOT, "p50 %.1f, p99 %.1f ms",
                recomputed.millis(0.5), recomputed.millis(0.99)), "recomputed, one client, after each resolution above", "", "");
    }

    /** Resolves forecast {@code f[0]} at version {@code f[1]} through the API, today; the nanoseconds until the answer, a 201. */
    private static long resolve(HttpClient http, URI base, String reviewer, long[] f, String outcome, String rationale) throws Exception {
        long t = System.nanoTime();
        var answer = http.send(HttpRequest.newBuilder(base.resolve("/api/forecasts/" + f[0] + "/resolutions"))
                .header("Authorization", reviewer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"forecastVersion\":" + f[1] + ",\"outcome\":\"" + outcome
                        + "\",\"resolvedOn\":\"" + LocalDate.now() + "\",\"rationale\":\"" + rationale + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - t;
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("resolving forecast " + f[0] + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return took;
    }

    private static List<Long> ids(String url, long authorId, boolean resolved) throws SQLException {
        return idList(scalar(url, SqlEquivalents.pageIds(authorId, resolved)));
    }

    private static List<Long> allIds(String url, long authorId) throws SQLException {
        return idList(scalar(url, SqlEquivalents.forecastIds(authorId)));
    }

    private static List<Long> idList(String list) {
        return list == null || list.isEmpty() ? List.of() : java.util.Arrays.stream(list.split(",")).map(Long::valueOf).toList();
    }

    /** What a timed start measured: seconds from spawning the JVM to ready, and the exit code once stopped. */
    private record Started(double seconds, int exit) {
    }

    /** Work done on a started service before it is stopped. */
    @FunctionalInterface
    private interface WhileUp {
        void on(URI base) throws Exception;
    }

    /**
     * Starts the service with these JVM flags on a port of its own, times it to ready, does {@code whileUp} (if any),
     * and stops it, waiting for its exit (a JVM that writes an archive or cache at exit takes a while).
     */
    private Started timedStart(String java, String url, Path logFile, WhileUp whileUp, String... flags) throws Exception {
        int port = freePort();
        URI base = URI.create("http://127.0.0.1:" + port);
        long spawned = System.nanoTime();
        Process p = startService(java, url, port, logFile, flags);
        double seconds = waitReady(base, spawned, p);
        if (whileUp != null) {
            whileUp.on(base);
        }
        p.destroy();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
        }
        return new Started(seconds, p.exitValue());
    }

    /**
     * Start-up with an application class-data archive (AppCDS): a training start writes the archive of the classes it
     * loaded, then a start with that archive is measured, as it is and with only the quick JIT tier (C1).
     */
    private void startupWithClassData(String url, Path work) throws Exception {
        step("start-up with a class-data archive (written by a training start)");
        service.destroy();
        service.waitFor(60, TimeUnit.SECONDS);
        service = null;
        Path archive = work.toAbsolutePath().resolve("hindcast.jsa");
        for (String[] flags : List.of(new String[]{"-XX:ArchiveClassesAtExit=" + archive},
                new String[]{"-XX:SharedArchiveFile=" + archive}, new String[]{"-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1"})) {
            double seconds = timedStart(javaCommand, url, null, null, flags).seconds();
            if (flags[0].startsWith("-XX:SharedArchiveFile")) {
                row("start-up: process to ready, " + (flags.length > 1 ? "AppCDS + C1 only" : "AppCDS"),
                        String.format(Locale.ROOT, "%.2f s", seconds), String.join(" ", flags).replace(archive.toString(), "hindcast.jsa"),
                        "< 3 s", verdict(seconds < 3));
            }
        }
    }

    /**
     * Start-up with JDK 25's ahead-of-time cache (JEP 483 and 514: classes loaded and linked, and the JIT's profiles, from
     * a training start), when a JDK 25 or newer is installed beside the one running the benchmark: a training start
     * writes the cache at its exit, then a start with it is measured, as it is and with C1 only. Skipped, and said so,
     * when there is none.
     */
    private void startupWithAotCache(String url, Path work) throws Exception {
        java.util.Optional<String> java25 = newerJava(25);
        if (java25.isEmpty()) {
            System.out.println("  no JDK 25 or newer beside " + javaCommand + ": start-up with an AOT cache not measured");
            return;
        }
        step("start-up with JDK 25's AOT cache (" + java25.get() + ", written by a training start)");
        Path cache = work.toAbsolutePath().resolve("hindcast.aot");
        Path trainingLog = work.toAbsolutePath().resolve("aot-training.log");
        Files.deleteIfExists(cache);
        for (String[] flags : List.of(new String[]{"-XX:AOTCacheOutput=" + cache}, new String[]{"-XX:AOTCache=" + cache},
                new String[]{"-XX:AOTCache=" + cache, "-XX:TieredStopAtLevel=1"})) {
            boolean training = flags[0].startsWith("-XX:AOTCacheOutput");
            // the training start's output goes to a file: with it in a pipe, the JVM's cache-writing step at exit failed;
            // and it does a little work to profile, as a reader's first requests would
            Started started = timedStart(java25.get(), url, training ? trainingLog : null, training ? base -> {
                HttpClient http = HttpClient.newHttpClient();
                for (String path : List.of("/", "/api/leaderboard", "/leaderboard", "/search?q=Seoul")) {
                    http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding());
                }
            } : null, flags);
            double seconds = started.seconds();
            if (training && !Files.exists(cache)) {
                // without the cache the JVM would start without it and the rows would measure nothing of it
                List<String> log = Files.readAllLines(trainingLog);
                System.out.println("  the training start (exit " + started.exit() + ") wrote no AOT cache; start-up with it not measured. Its last lines:\n    "
                        + String.join("\n    ", log.subList(Math.max(0, log.size() - 15), log.size())));
                return;
            }
            if (flags[0].startsWith("-XX:AOTCache=")) {
                row("start-up: process to ready, JDK 25 AOT cache" + (flags.length > 1 ? " + C1 only" : ""),
                        String.format(Locale.ROOT, "%.2f s", seconds), String.join(" ", flags).replace(cache.toString(), "hindcast.aot")
                                + " (" + javaVersion(java25.get()) + ")", "< 3 s", verdict(seconds < 3));
            }
        }
    }

    /** A java command of at least this feature release installed beside the running one (Debian's /usr/lib/jvm, macOS's JavaVirtualMachines). */
    private java.util.Optional<String> newerJava(int feature) {
        Path home = Path.of(javaCommand).toAbsolutePath().getParent().getParent();
        List<Path> candidates = new ArrayList<>();
        // /usr/lib/jvm/X/bin/java: X's parent; /Library/Java/JavaVirtualMachines/X/Contents/Home/bin/java: three levels up
        for (Path dir = home.getParent(), last = home.getRoot(); dir != null && !dir.equals(last)
                && home.getNameCount() - dir.getNameCount() <= 3; dir = dir.getParent()) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var jdks = Files.list(dir)) {
                jdks.sorted(Comparator.reverseOrder()).forEach(j -> {
                    candidates.add(j.resolve("bin/java"));
                    candidates.add(j.resolve("Contents/Home/bin/java"));
                });
            } catch (IOException ignored) {
                // not readable
            }
        }
        for (Path c : candidates) {
            if (Files.isExecutable(c)) {
                String version = javaVersion(c.toString());
                java.util.regex.Matcher m = Pattern.compile("^\\S+ (\\d+)").matcher(version);
                if (m.find() && Integer.parseInt(m.group(1)) >= feature) {
                    return java.util.Optional.of(c.toString());
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The first line of {@code java --version}, such as "openjdk 25.0.3 2026-04-21 LTS", or "" if it does not answer. */
    private static String javaVersion(String java) {
        try {
            Process p = new ProcessBuilder(java, "--version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? first.trim() : "";
        } catch (Exception e) {
            return "";
        }
    }

    /** The most prolific author, and the median one by forecasts. */
    private static String[] authors(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, dbPassword);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("with counts as (select a.slug, count(*) as n from forecast_author fa join author a on a.id = fa.author_id "
                     + "group by a.slug) select (select slug from counts order by n desc, slug limit 1), (select max(n) from counts), "
                     + "(select slug from counts order by n, slug offset (select count(*) / 2 from counts) limit 1), "
                     + "(select n from counts order by n, slug offset (select count(*) / 2 from counts) limit 1)")) {
            r.next();
            return new String[]{r.getString(1), r.getString(2), r.getString(3), r.getString(4)};
        }
    }

    static final List<String> COPIED_TABLES = List.of("theme", "author", "author_alias", "paper", "paper_author", "forecast",
            "forecast_author", "forecast_theme", "evidence", "resolution", "resolution_evidence", "audit_entry", "author_score",
            "author_score_pair", "author_theme_score_pair",
            "author_theme_score");

    /** Dumps each table the import wrote, then times COPY of those rows into the second database, in one transaction. */
    private static double copyTables(String from, String to, Path dir) throws Exception {
        Files.createDirectories(dir);
        try (Connection source = DriverManager.getConnection(from, EmbeddedDatabase.USER, dbPassword)) {
            CopyManager out = source.unwrap(PGConnection.class).getCopyAPI();
            for (String t : COPIED_TABLES) {
                try (OutputStream file = Files.newOutputStream(dir.resolve(t + ".copy"))) {
                    out.copyOut("copy " + t + " to stdout", file);
                }
            }
        }
        try (Connection target = DriverManager.getConnection(to, EmbeddedDatabase.USER, dbPassword)) {
            target.setAutoCommit(false);
            CopyManager in = target.unwrap(PGConnection.class).getCopyAPI();
            long started = System.nanoTime();
            long rows = 0;
            for (String t : COPIED_TABLES) {
                long t0 = System.nanoTime();
                try (InputStream file = Files.newInputStream(dir.resolve(t + ".copy"))) {
                    long n = in.copyIn("copy " + t + " from stdin", file);
                    rows += n;
                    System.out.printf(Locale.ROOT, "  %-20s %,12d rows %7.1f s%n", t, n, (System.nanoTime() - t0) / 1e9);
                }
            }
            target.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "  %-20s %,12d rows %7.1f s%n", "all, committed", rows, seconds);
            return seconds;
        } finally {
            deleteTree(dir);
        }
    }

    private static void analyze(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, dbPassword)) {
            c.createStatement().execute("vacuum analyze");
            // Write out what the loads left dirty now, so that the measurements after it do not share the disk with it.
            c.createStatement().execute("checkpoint");
        }
    }

    // ----- the service process --------------------------------------------------------------------------

    private final List<String> serviceLog = java.util.Collections.synchronizedList(new ArrayList<>());

    private Process startService(String url, int port) throws IOException {
        return startService(javaCommand, url, port, null);
    }

    /** The service with its output in {@code logFile} (null: kept in {@link #serviceLog}). */
    private Process startService(String java, String url, int port, Path logFile, String... extraJvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(SERVICE_JVM_OPTIONS.split(" ")));
        command.addAll(List.of(extraJvmOptions));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        env(pb, url);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        pb.environment().put("MALLOC_ARENA_MAX", "2"); // glibc's per-thread heaps are most of a JVM's memory beyond its own
        pb.redirectErrorStream(true);
        if (logFile != null) {
            return pb.redirectOutput(logFile.toFile()).start();
        }
        Process p = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    serviceLog.add(line);
                }
            } catch (IOException ignored) {
                // the service stopped
            }
        }, "service-log");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private double waitReady(URI base, long spawned) throws Exception {
        return waitReady(base, spawned, service);
    }

    private double waitReady(URI base, long spawned, Process process) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        long deadline = spawned + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped while starting:\n" + String.join("\n", serviceLog));
            }
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return (System.nanoTime() - spawned) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the service was not ready within 120 s");
    }

    private void env(ProcessBuilder pb, String url) {
        pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", url);
        pb.environment().put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
        pb.environment().put("HINDCAST_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().put("HINDCAST_CORPUS_LOAD_ON_FIRST_START", "false");
    }

    /** Runs a command of this jar against the database, echoing its output, and returns its lines. */
    private List<String> runChild(List<String> command, String url, Duration limit) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        env(pb, url);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (!line.startsWith("syn-") && !line.contains(" INFO ")) {
                    System.out.println("  | " + line);
                }
            }
        }
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(2, command.size())) + " failed (exit "
                    + (p.isAlive() ? "none" : p.exitValue()) + ")");
        }
        return lines;
    }

    private void stop() {
        if (service != null) {
            service.destroy();
            try {
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (db != null) {
            db.close();
        }
    }

    // ----- small helpers ---------------------------------------------------------------------------------

    private static String findPgbench(String given) {
        List<String> candidates = new ArrayList<>(List.of(given));
        try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
            dirs.sorted(Comparator.reverseOrder()).forEach(d -> candidates.add(d.resolve("bin/pgbench").toString()));
        } catch (IOException ignored) {
            // not Debian's layout
        }
        for (String c : candidates) {
            try {
                Process p = new ProcessBuilder(c, "--version").redirectErrorStream(true).start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return c;
                }
            } catch (Exception ignored) {
                // try the next
            }
        }
        throw new IllegalStateException("pgbench was not found: install PostgreSQL's client tools "
                + "(Debian: apt-get install postgresql-contrib or postgresql-client; macOS: brew install libpq) or give --pgbench PATH");
    }

    static String runAndRead(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return text;
    }

    private static String scalar(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, dbPassword)) {
            return scalar(c, sql);
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    /** A free port below the ephemeral range (org.hindcast.testing.Ports: the tools run on the test classpath). */
    private static int freePort() throws IOException {
        return org.hindcast.testing.Ports.free();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void step(String what) {
        System.out.println();
        System.out.println("== " + what);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private void row(String what, String value, String detail, String goal, String verdict) {
        table.add(new String[]{what, value, detail, goal, verdict});
        System.out.println("  -> " + what + ": " + value + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }

    private void printTable() {
        String[] head = {"measure", "service", "beside it", "goal", ""};
        int[] w = new int[head.length];
        List<String[]> all = new ArrayList<>();
        all.add(head);
        all.addAll(table);
        for (String[] r : all) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (int k = 0; k < all.size(); k++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < head.length; i++) {
                line.append(String.format("%-" + (w[i] + 2) + "s", all.get(k)[i]));
            }
            System.out.println(line.toString().stripTrailing());
            if (k == 0) {
                StringBuilder rule = new StringBuilder();
                for (int width : w) {
                    rule.append("-".repeat(width)).append("  ");
                }
                System.out.println(rule.toString().stripTrailing());
            }
        }
    }
}
