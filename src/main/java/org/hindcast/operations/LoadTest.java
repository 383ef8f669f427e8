package org.hindcast.operations;

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
 * {@code loadtest [--url http://localhost:8080] [--seconds 30] [--requests 20000] [--connections 16]
 * --admin-password PW}: a bounded load on a service on this machine (loopback only), mixing reader page
 * views (60%), API reads (30%) and staff writes (10%: evidence attached by an analyst account it creates);
 * prints throughput, latency percentiles and errors by kind, and exits 1 if any request failed.
 */
public final class LoadTest {

    private LoadTest() {
    }

    record Sample(String kind, long nanos, boolean ok) {
    }

    public static int run(String[] args) throws Exception {
        Map<String, String> opt = new java.util.HashMap<>(Map.of("--url", "http://localhost:8080", "--seconds", "30",
                "--requests", "20000", "--connections", "16"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        URI base = URI.create(opt.get("--url").replaceAll("/$", ""));
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            System.err.println("loadtest: only a service on this machine (loopback) may be loaded, not " + base.getHost());
            return 2;
        }
        String adminPassword = opt.get("--admin-password");
        if (adminPassword == null) {
            System.err.println("loadtest: --admin-password is needed to create the analyst account the writes use");
            return 2;
        }
        int seconds = Integer.parseInt(opt.get("--seconds"));
        int maxRequests = Integer.parseInt(opt.get("--requests"));
        int connections = Integer.parseInt(opt.get("--connections"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String analyst = "loadtest-analyst";
        String analystPassword = "loadtest-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes());
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/api/users")).header("Authorization", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + analyst + "\",\"displayName\":\"Load test\",\"password\":\"" + analystPassword
                                + "\",\"roles\":[\"ANALYST\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() == 409) {
            String version = field(http.send(HttpRequest.newBuilder(base.resolve("/api/users/" + analyst)).header("Authorization", admin)
                    .build(), HttpResponse.BodyHandlers.ofString()).body(), "version");
            http.send(HttpRequest.newBuilder(base.resolve("/api/users/" + analyst)).header("Authorization", admin)
                    .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(
                            "{\"version\":" + version + ",\"password\":\"" + analystPassword + "\",\"enabled\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } else if (created.statusCode() != 201) {
            System.err.println("loadtest: could not create the analyst account: HTTP " + created.statusCode() + " " + created.body());
            return 2;
        }
        String analystAuth = "Basic " + Base64.getEncoder().encodeToString((analyst + ":" + analystPassword).getBytes());
        String listing = http.send(HttpRequest.newBuilder(base.resolve("/api/forecasts?size=200")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> forecastIds = all(listing, "\"id\":(\\d+)");
        List<String> authors = all(http.send(HttpRequest.newBuilder(base.resolve("/api/authors?size=200")).build(),
                HttpResponse.BodyHandlers.ofString()).body(), "\"slug\":\"([^\"]+)\"");
        if (forecastIds.isEmpty() || authors.isEmpty()) {
            System.err.println("loadtest: the ledger is empty; load the corpus first");
            return 2;
        }

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
                        request = HttpRequest.newBuilder(base.resolve("/api/forecasts/" + id + "/evidence"))
                                .header("Authorization", analystAuth).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"summary\":\"Load test observation " + r.nextInt(1_000_000)
                                        + "\",\"observedOn\":\"2026-01-01\",\"citationUrl\":\"https://example.org/load\",\"stance\":\"CONTEXT\"}"))
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
        return errors == 0 ? 0 : 1;
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
