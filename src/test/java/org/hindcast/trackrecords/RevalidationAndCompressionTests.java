package org.hindcast.trackrecords;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Large answers over HTTP (issue 18): every cached answer carries a weak entity tag from the ledger snapshot it was
 * computed from, a revalidation with that tag is answered 304 with no body until a write commits, and answers are
 * compressed for a client that accepts gzip. The caches' hits and misses are in the metrics.
 */
@QuarkusTest
class RevalidationAndCompressionTests {

    static String authorWithARecord() {
        String theme = Ledger.theme("Revalidated theme");
        String paper = Ledger.paper("2024-01-10", "Revalidated Author " + Ledger.unique("r"));
        Ledger.forecast(paper, theme, 0.7, "2024-06-30", "editor");
        return anonymous().get("/api/sources/" + paper).jsonPath().getString("authors[0].slug");
    }

    /**
     * An answer and its revalidation under the same snapshot. The tag is the whole ledger's snapshot, and other tests'
     * background work (an evidence finder's run, a score refresh) may commit between the two requests and move it on:
     * then the answer is read again with its new tag, up to five times. A server that never answers 304 fails.
     */
    static Response[] revalidated(java.util.function.Supplier<io.restassured.specification.RequestSpecification> client,
                                  String path) {
        Response first = null;
        Response again = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            first = client.get().get(path);
            assertEquals(200, first.statusCode(), path + ": " + first.asString());
            again = client.get().header("If-None-Match", first.header("ETag")).get(path);
            if (again.statusCode() == 304) {
                break;
            }
        }
        assertEquals(304, again.statusCode(), path + ": a revalidation under an unchanged snapshot");
        return new Response[]{first, again};
    }

    @Test
    void aTrackRecordCarriesItsSnapshotsTagAndARevalidationIsAnswered304UntilAWriteCommits() {
        Staff.ensure();
        String author = authorWithARecord();
        String path = "/api/authors/" + author + "/track-record";
        Response[] pair = revalidated(() -> anonymous(), path);
        Response first = pair[0];
        String tag = first.header("ETag");
        assertNotNull(tag, "an entity tag");
        assertTrue(tag.startsWith("W/\""), tag);
        assertEquals("no-cache", first.header("Cache-Control"));

        Response again = pair[1];
        assertEquals(304, again.statusCode());
        assertEquals("", again.asString(), "no body");
        assertEquals(tag, again.header("ETag"));
        Response other = anonymous().header("If-None-Match", "W/\"not-this-one\"").get(path);
        assertEquals(200, other.statusCode());
        assertEquals(first.asString(), other.asString());

        // any committed write moves the snapshot on: the next revalidation gets the answer afresh, with a new tag
        Ledger.theme("Another theme");
        Response after = anonymous().header("If-None-Match", tag).get(path);
        assertEquals(200, after.statusCode());
        assertNotEquals(tag, after.header("ETag"));
        assertEquals(1, after.jsonPath().getInt("pending"));
        revalidated(() -> anonymous(), path);
    }

    @Test
    void theLeaderboardAndThemeAndPaperRecordsAreRevalidatedToo() {
        Staff.ensure();
        authorWithARecord();
        for (String path : new String[]{"/api/leaderboard?size=5", "/api/papers/" + Ledger.paper("2024-02-02", "Paper Record Author "
                + Ledger.unique("p")) + "/track-record"}) {
            revalidated(() -> anonymous(), path);
        }
    }

    @Test
    void theAuthorPageIsRevalidatedForReadersAndNotForStaff() {
        Staff.ensure();
        String author = authorWithARecord();
        Response page = revalidated(() -> given().accept("text/html"), "/authors/" + author)[0];
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.asString().contains("Revalidated Author"), "the page itself");
        assertTrue(page.header("Vary").contains("Cookie"), page.header("Vary"));
        String tag = page.header("ETag");
        assertNotNull(tag);
        // a signed-in reader's page is another page: never answered 304 from a reader's tag
        assertEquals(200, as("editor").accept("text/html").header("If-None-Match", tag).get("/authors/" + author).statusCode());
    }

    @Test
    void answersAreCompressedForAClientThatAcceptsGzip() throws Exception {
        Staff.ensure();
        String author = authorWithARecord();
        String path = "/api/authors/" + author + "/track-record";
        String plain = anonymous().get(path).asString();
        // without content decoders the client sends no Accept-Encoding of its own, and leaves the body as it came
        RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        Response zipped = given().config(raw).header("Accept-Encoding", "gzip").get(path);
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.header("Content-Encoding"));
        byte[] body = zipped.asByteArray();
        String unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(plain, unzipped, "the same answer");
        assertTrue(body.length < plain.getBytes(StandardCharsets.UTF_8).length, body.length + " bytes zipped, " + plain.length() + " plain");
        Response unzipped2 = given().config(raw).get(path);
        assertEquals(null, unzipped2.header("Content-Encoding"), "not for a client that does not accept it");
        assertEquals(plain, unzipped2.asString());
    }

    static String gunzip(byte[] body) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A rendered answer (the record's JSON, a reader's author page) is compressed once per snapshot and the kept
     * bytes are sent to every client that accepts gzip: two requests under one snapshot get the same bytes, which
     * unzip to the plain answer, with Vary: Accept-Encoding; the second is a hit of the compressed answers' cache.
     */
    @Test
    void aRenderedAnswerIsCompressedOncePerSnapshotAndTheKeptBytesAreSent() throws Exception {
        Staff.ensure();
        String author = authorWithARecord();
        RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        for (String[] path : new String[][]{{"/api/authors/" + author + "/track-record", "application/json"},
                {"/authors/" + author, "text/html"}}) {
            Response first = null;
            Response second = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                // other tests' background work may commit between the two requests and move the snapshot on
                first = given().config(raw).accept(path[1]).header("Accept-Encoding", "gzip, deflate, br").get(path[0]);
                second = given().config(raw).accept(path[1]).header("Accept-Encoding", "gzip").get(path[0]);
                if (first.header("ETag").equals(second.header("ETag"))) {
                    break;
                }
            }
            assertEquals(200, first.statusCode(), path[0]);
            assertEquals(first.header("ETag"), second.header("ETag"), "one snapshot");
            assertEquals("gzip", first.header("Content-Encoding"), path[0]);
            assertTrue(first.headers().getValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")), first.headers().toString());
            assertTrue(java.util.Arrays.equals(first.asByteArray(), second.asByteArray()), "the same kept bytes");
            Response plain = given().config(raw).accept(path[1]).header("If-None-Match", "W/\"another\"").get(path[0]);
            assertEquals(null, plain.header("Content-Encoding"));
            String unzipped = gunzip(first.asByteArray());
            if (plain.header("ETag").equals(first.header("ETag"))) {
                assertEquals(plain.asString(), unzipped, "the same answer, unzipped");
            }
            assertTrue(unzipped.contains(path[1].equals("text/html") ? "Revalidated Author" : "\"pending\""), unzipped);
            assertTrue(first.asByteArray().length * 2 < unzipped.length(), first.asByteArray().length + " zipped, " + unzipped.length() + " plain");
        }
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.matches("(?s).*cache_gets_total\\{[^}]*cache=\"compressed-answers\"[^}]*result=\"hit\"[^}]*} [1-9].*"),
                "compressed answers served from the cache");
    }

    @Test
    void acceptEncodingIsReadAsRfc9110Says() {
        assertTrue(org.hindcast.web.Revalidation.acceptsGzip("gzip, deflate, br"));
        assertTrue(org.hindcast.web.Revalidation.acceptsGzip("GZIP"));
        assertTrue(org.hindcast.web.Revalidation.acceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
        assertTrue(org.hindcast.web.Revalidation.acceptsGzip("*"));
        assertTrue(!org.hindcast.web.Revalidation.acceptsGzip("gzip;q=0"));
        assertTrue(!org.hindcast.web.Revalidation.acceptsGzip("*, gzip;q=0"));
        assertTrue(!org.hindcast.web.Revalidation.acceptsGzip("identity"));
        assertTrue(!org.hindcast.web.Revalidation.acceptsGzip("deflate, br"));
        assertTrue(!org.hindcast.web.Revalidation.acceptsGzip(""));
        assertTrue(!org.hindcast.web.Revalidation.acceptsGzip(null));
    }

    @Test
    void theCachesHitsAndMissesAreInTheMetrics() {
        Staff.ensure();
        String author = authorWithARecord();
        anonymous().get("/api/authors/" + author + "/track-record").then().statusCode(200);
        anonymous().get("/api/authors/" + author + "/track-record").then().statusCode(200);
        String metrics = given().get("/q/metrics").asString();
        for (String cache : new String[]{"snapshot-answers", "paper-candidates"}) {
            assertTrue(metrics.contains("cache_gets_total{cache=\"" + cache + "\",result=\"hit\"}")
                    || metrics.matches("(?s).*cache_gets_total\\{[^}]*cache=\"" + cache + "\"[^}]*result=\"hit\"[^}]*}.*"), cache + " hits\n");
            assertTrue(metrics.matches("(?s).*hindcast_cache_hit_ratio\\{[^}]*cache=\"" + cache + "\"[^}]*} [0-9.]+.*"), cache + " hit ratio");
        }
        double ratio = Double.parseDouble(metrics.replaceAll("(?s).*hindcast_cache_hit_ratio\\{[^}]*cache=\"snapshot-answers\"[^}]*} ([0-9.]+).*", "$1"));
        assertTrue(ratio > 0 && ratio < 1, "some hits, some misses: " + ratio);
    }
}
