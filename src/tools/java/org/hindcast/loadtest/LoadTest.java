package org.hindcast.loadtest;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code loadtest --admin-password PW --disposable-ledger yes [--url http://localhost:8080] [--seconds 30]
 * [--requests 20000] [--connections 16]} (the options are org.hindcast.tools.Tools's): a bounded load on a service on this machine (loopback only), mixing
 * reader page views (60%), API reads (30%) and staff writes (10%: evidence attached by an analyst account it creates).
 * It writes only to what it creates for itself (accounts, a theme, a paper and its forecasts), says so before it
 * starts, refuses to start unless told the ledger is meant for it, and disables its accounts when it ends; prints
 * throughput, latency percentiles and errors by kind, and exits 1 if any request failed.
 */
public final class LoadTest {

    private LoadTest() {
    }

    record Sample(String kind, long nanos, boolean ok) {
    }

    /** What a run is asked to do. {@code disposableLedger}: the caller confirmed the ledger is meant for it. */
    public record Settings(URI url, String adminPassword, int seconds, int requests, int connections, boolean disposableLedger) {
    }

    public static int run(Settings settings) throws Exception {
        URI base = URI.create(settings.url().toString().replaceAll("/$", ""));
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            System.err.println("loadtest: only a service on this machine (loopback) may be loaded, not " + base.getHost());
            return 2;
        }
        String adminPassword = settings.adminPassword();
        if (adminPassword == null) {
            System.err.println("loadtest: --admin-password is needed to create the accounts the writes use");
            return 2;
        }
        String run = "loadtest-" + Long.toString(System.currentTimeMillis(), 36);
        String notice = "loadtest writes to the ledger it loads, and only to what it creates there for itself: two staff "
                + "accounts (" + run + "-editor, " + run + "-analyst, disabled when it ends), a theme, a paper and "
                + FORECASTS + " forecasts named " + run + ", and the evidence it attaches to those forecasts. The ledger keeps "
                + "them (nothing is ever deleted from a ledger), so run it against a ledger meant for it: a copy, or a "
                + "fresh data folder (HINDCAST_EMBEDDED_DATA_DIR).";
        if (!settings.disposableLedger()) {
            System.err.println("loadtest: " + notice);
            System.err.println("loadtest: confirm that " + base + " serves such a ledger with --disposable-ledger yes");
            return 2;
        }
        System.out.println(notice);
        int seconds = settings.seconds();
        int maxRequests = settings.requests();
        int connections = settings.connections();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes());
        String password = run + "-" + Long.toHexString(new java.security.SecureRandom().nextLong());
        String editor = run + "-editor";
        String analyst = run + "-analyst";
        for (String[] account : new String[][]{{editor, "EDITOR"}, {analyst, "ANALYST"}}) {
            HttpResponse<String> created = send(http, base, "POST", "/api/users", admin, "{\"username\":\"" + account[0]
                    + "\",\"displayName\":\"Load test " + account[1].toLowerCase(Locale.ROOT) + "\",\"password\":\"" + password
                    + "\",\"roles\":[\"" + account[1] + "\"]}");
            if (created.statusCode() != 201) {
                System.err.println("loadtest: could not create the account " + account[0] + ": HTTP " + created.statusCode() + " " + created.body());
                return 2;
            }
        }
        List<String> own;
        try {
            own = ownData(http, base, run, "Basic " + Base64.getEncoder().encodeToString((editor + ":" + password).getBytes()));
        } catch (IllegalStateException e) {
            System.err.println("loadtest: could not create its own data: " + e.getMessage());
            disable(http, base, admin, List.of(editor, analyst));
            return 2;
        }
        String analystAuth = "Basic " + Base64.getEncoder().encodeToString((analyst + ":" + password).getBytes());
        String listing = http.send(HttpRequest.newBuilder(base.resolve("/api/forecasts?size=200")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> forecastIds = all(listing, "\"id\":(\\d+)");
        List<String> authors = all(http.send(HttpRequest.newBuilder(base.resolve("/api/authors?size=200")).build(),
                HttpResponse.BodyHandlers.ofString()).body(), "\"slug\":\"([^\"]+)\"");
        List<String> writable = own;

        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> errorsByStatus = new ConcurrentHashMap<>();
        AtomicInteger issued = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            pool.submit(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests) {
                    int dice = r.nextInt(100);
                    String id = forecastIds.get(r.nextInt(forecastIds.size()));
                    String author = authors.get(r.nextInt(authors.size()));
                    HttpRequest request;
                    String kind;
                    if (dice < 60) {
                        kind = "page";
                        String[] pages = {"/", "/authors/" + author, "/forecasts/" + id, "/search?q=China", "/themes/korean-peninsula"};
                        request = HttpRequest.newBuilder(base.resolve(pages[r.nextInt(pages.length)])).build();
                    } else if (dice < 90) {
                        kind = "api-read";
                        String[] reads = {"/api/authors/" + author + "/track-record", "/api/leaderboard", "/api/forecasts?size=50",
                                "/api/forecasts/" + id};
                        request = HttpRequest.newBuilder(base.resolve(reads[r.nextInt(reads.length)])).build();
                    } else {
                        kind = "staff-write";
                        // writes go only to the forecasts this run created
                        request = HttpRequest.newBuilder(base.resolve("/api/forecasts/" + writable.get(r.nextInt(writable.size())) + "/evidence"))
                                .header("Authorization", analystAuth).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"summary\":\"Load test observation " + r.nextInt(1_000_000)
                                        + "\",\"observedOn\":\"" + java.time.LocalDate.now() + "\",\"citationUrl\":\"https://example.org/load\",\"stance\":\"CONTEXT\"}"))
                                .build();
                    }
                    long t = System.nanoTime();
                    boolean ok;
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        ok = status < 400;
                        if (!ok) {
                            errorsByStatus.computeIfAbsent(kind + " " + status, k -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (Exception e) {
                        ok = false;
                        errorsByStatus.computeIfAbsent(kind + " " + e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                    }
                    samples.add(new Sample(kind, System.nanoTime() - t, ok));
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;

        System.out.printf(Locale.ROOT, "load test: %s, %d connections, %.1f s, %d requests%n", base, connections, elapsed, samples.size());
        System.out.printf(Locale.ROOT, "%-12s %9s %9s %8s %8s %8s %8s %7s%n", "kind", "requests", "req/s", "p50 ms", "p90 ms",
                "p99 ms", "max ms", "errors");
        int errors = 0;
        for (String kind : List.of("page", "api-read", "staff-write", "all")) {
            List<Long> times = new ArrayList<>();
            int failed = 0;
            for (Sample s : samples) {
                if (kind.equals("all") || s.kind().equals(kind)) {
                    times.add(s.nanos());
                    failed += s.ok() ? 0 : 1;
                }
            }
            if (kind.equals("all")) {
                errors = failed;
            }
            Collections.sort(times);
            System.out.printf(Locale.ROOT, "%-12s %9d %9.1f %8.1f %8.1f %8.1f %8.1f %7d%n", kind, times.size(), times.size() / elapsed,
                    pct(times, 0.50), pct(times, 0.90), pct(times, 0.99), times.isEmpty() ? 0 : times.get(times.size() - 1) / 1e6, failed);
        }
        errorsByStatus.forEach((k, v) -> System.out.println("  errors: " + k + " x" + v.get()));
        disable(http, base, admin, List.of(editor, analyst));
        System.out.println("loadtest: its accounts are disabled; its paper '" + run + "' and what it wrote there stay in the ledger");
        return errors == 0 ? 0 : 1;
    }

    /** Forecasts this run may write to: a theme, a paper and forecasts of its own, created as its editor. */
    static final int FORECASTS = 20;

    private static List<String> ownData(HttpClient http, URI base, String run, String editor) throws Exception {
        expect(send(http, base, "POST", "/api/themes", editor, "{\"slug\":\"" + run + "\",\"name\":\"Load test " + run + "\"}"), 201);
        String today = java.time.LocalDate.now().toString();
        expect(send(http, base, "POST", "/api/sources", editor, "{\"slug\":\"" + run + "\",\"title\":\"Load test " + run
                + "\",\"publisher\":\"Hindcast load test\",\"published\":\"" + today + "\",\"authors\":[{\"name\":\"Load Test "
                + run.substring("loadtest-".length()) + "\"}]}"), 201);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < FORECASTS; i++) {
            HttpResponse<String> f = expect(send(http, base, "POST", "/api/forecasts", editor, "{\"source\":\"" + run
                    + "\",\"statement\":\"Load test event " + i + " happens.\",\"quote\":\"Load test event " + i
                    + " is expected to happen.\",\"phrase\":\"is expected to\",\"resolveBy\":\""
                    + java.time.LocalDate.now().plusYears(1) + "\",\"resolveByBasis\":\"STATED\",\"themes\":[\"" + run + "\"]}"), 201);
            ids.add(field(f.body(), "id"));
        }
        return ids;
    }

    private static void disable(HttpClient http, URI base, String admin, List<String> users) throws Exception {
        for (String u : users) {
            String version = field(send(http, base, "GET", "/api/users/" + u, admin, null).body(), "version");
            send(http, base, "PATCH", "/api/users/" + u, admin, "{\"version\":" + version + ",\"enabled\":false}");
        }
    }

    private static HttpResponse<String> send(HttpClient http, URI base, String method, String path, String auth, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri().getPath() + ": HTTP " + r.statusCode()
                    + " " + r.body());
        }
        return r;
    }

    private static double pct(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()))) / 1e6;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        return m.find() ? m.group(1) : "0";
    }

    private static List<String> all(String json, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(json);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
