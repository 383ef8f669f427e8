package org.hindcast.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.hindcast.platform.Caches;
import org.hindcast.platform.SnapshotCache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Cached answers over HTTP: each carries a weak entity tag made from the ledger snapshot it was computed from, and
 * {@code Cache-Control: no-cache}, so that clients and proxies may keep it but ask again; a request whose
 * {@code If-None-Match} holds the current tag is answered {@code 304 Not Modified} by one statement, the answer
 * neither read nor sent.
 *
 * <p>An answer already rendered (JSON bytes, an HTML page) is compressed once per tag, not once per request: the
 * tag names the snapshot, so every reader of it gets the same bytes, and a client that accepts gzip is sent those
 * kept bytes ({@code Content-Encoding: gzip}, {@code Vary: Accept-Encoding}). Compressing a prolific author's
 * 110 KB record on every request cost more than the rest of the request: 630 answers a second against 5,800 without
 * compression on this machine (docs/performance.md). Answers of other types are compressed by the HTTP server as
 * they are written.
 */
@ApplicationScoped
public class Revalidation {

    private static final CacheControl REVALIDATE = CacheControl.valueOf("no-cache");

    /**
     * Bytes kept, plain and gzipped together: a prolific author's record is 110 KB plain and 27 KB gzipped, a typical
     * one a few kilobytes, and the service runs in a small heap.
     */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    /** An answer's bytes as sent plain and gzipped. */
    record Encoded(byte[] plain, byte[] gzip) {
    }

    private record Key(String tag, MediaType type) {
    }

    private final Cache<Key, Encoded> encoded = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            .weigher((Key k, Encoded e) -> e.plain().length + e.gzip().length).recordStats().build();

    @Inject
    HttpServerRequest http;

    @Inject
    MeterRegistry registry;

    /** Hits and misses in the metrics ({@code cache_gets_total{cache="compressed-answers"}}), with the hit ratio. */
    void register(@Observes StartupEvent start) {
        Caches.monitor(registry, encoded, "compressed-answers");
    }

    public <T> Response respond(Request request, SnapshotCache.Answer<T> answer, MediaType type) {
        EntityTag current = new EntityTag(answer.tag(), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(current);
        if (notModified != null) {
            return notModified.tag(current).cacheControl(REVALIDATE).build();
        }
        SnapshotCache.Tagged<T> read = answer.read();
        EntityTag tag = new EntityTag(read.tag(), true);
        Object value = read.value();
        if (!(value instanceof byte[]) && !(value instanceof String)) {
            return Response.ok(value, type).tag(tag).cacheControl(REVALIDATE).build();
        }
        Encoded bytes = encoded.get(new Key(read.tag(), type), k -> encode(value));
        boolean gzip = acceptsGzip(http.getHeader(HttpHeaders.ACCEPT_ENCODING));
        Response.ResponseBuilder ok = Response.ok(gzip ? bytes.gzip() : bytes.plain(), type).tag(tag).cacheControl(REVALIDATE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return (gzip ? ok.header(HttpHeaders.CONTENT_ENCODING, "gzip") : ok).build();
    }

    private static Encoded encode(Object value) {
        byte[] plain = value instanceof byte[] b ? b : ((String) value).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Encoded(plain, out.toByteArray());
    }

    /**
     * Whether an {@code Accept-Encoding} header accepts gzip (RFC 9110, 12.5.3): {@code gzip} or {@code *} listed
     * without {@code q=0}; an explicit {@code gzip;q=0} refuses it even where {@code *} is accepted.
     */
    public static boolean acceptsGzip(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        Boolean star = null;
        for (String part : header.split(",")) {
            String[] fields = part.trim().split(";");
            String coding = fields[0].trim().toLowerCase(Locale.ROOT);
            boolean accepted = true;
            for (int i = 1; i < fields.length; i++) {
                String p = fields[i].trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        accepted = Double.parseDouble(p.substring(2).trim()) > 0;
                    } catch (NumberFormatException e) {
                        accepted = false;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return accepted;
            }
            if (coding.equals("*")) {
                star = accepted;
            }
        }
        return Boolean.TRUE.equals(star);
    }
}
