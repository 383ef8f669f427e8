package org.hindcast.benchmark;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load on one URL of a service on this machine: {@code connections} clients, each sending
 * its next request when the last is answered, for a bounded time. Loopback addresses only.
 */
final class HttpLoad {

    /** What a load measured: requests answered per second, latency percentiles, and failures. */
    record Result(long requests, long errors, double seconds, Latencies latencies) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private HttpLoad() {
    }

    static void requireLoopback(URI uri) throws Exception {
        if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("only a service on this machine (loopback) may be loaded, not " + uri.getHost());
        }
    }

    /** The load with these request headers (name, value, name, value...), such as {@code Accept-Encoding: gzip}. */
    static Result run(URI uri, int connections, double warmUpSeconds, double seconds, String... headers) throws Exception {
        requireLoopback(uri);
        ExecutorService io = Executors.newFixedThreadPool(4);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .executor(io).build();
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
            if (headers.length > 0) {
                builder.headers(headers);
            }
            HttpRequest request = builder.build();
            if (warmUpSeconds > 0) {
                loop(http, request, connections, warmUpSeconds, null);
            }
            Latencies latencies = new Latencies();
            long[] counts = loop(http, request, connections, seconds, latencies);
            return new Result(counts[0], counts[1], counts[2] / 1e9, latencies);
        } finally {
            io.shutdownNow();
        }
    }

    private static long[] loop(HttpClient http, HttpRequest request, int connections, double seconds, Latencies into)
            throws Exception {
        long started = System.nanoTime();
        long deadline = started + (long) (seconds * 1e9);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long t = System.nanoTime();
                    boolean ok;
                    try {
                        ok = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long took = System.nanoTime() - t;
                    requests.incrementAndGet();
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    if (into != null) {
                        into.add(took);
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        if (!pool.awaitTermination((long) seconds + 120, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("the load on " + request.uri() + " did not stop within two minutes of its end");
        }
        for (Future<?> f : clients) {
            f.get();
        }
        return new long[]{requests.get(), errors.get(), System.nanoTime() - started};
    }
}
