package org.hindcast.ingestion;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A paper's PDF through {@code POST /api/papers/{slug}/text} and a paper from its web page through
 * {@code POST /api/papers/from-web}, with pages served on loopback: what is read, the candidates with their
 * pages, the metadata of each kind, and every refusal (encrypted, scanned, damaged, not a PDF, too large, a page
 * that cannot be fetched or says too little), each a problem on its field that changes nothing.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestionApiTests {

    @Inject
    Ledger ledger;

    HttpServer site;
    final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    final Map<String, String> types = new ConcurrentHashMap<>();

    @BeforeAll
    void aSiteOnLoopback() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = pages.get(path);
            if (path.equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "/citation");
                exchange.sendResponseHeaders(302, -1);
            } else if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", types.getOrDefault(path, "text/html; charset=utf-8"));
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        site.start();
    }

    @AfterAll
    void closeTheSite() {
        site.stop(0);
    }

    String at(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    static final String BODY = """
            <nav><a href="/">Home</a> <a href="/research">Research</a></nav>
            <header><p>Institute for Testing Studies</p></header>
            <article>
              <h1>Outlook for the peninsula</h1>
              <p>Xi Jinping is expected to visit Seoul in %s. Pyongyang will likely test a missile before the summit.</p>
              <ul><li>Trade between the two countries is likely to grow in 2026.</li></ul>
              <blockquote><p>Beijing would seek to keep its distance from Pyongyang.</p></blockquote>
            </article>
            <aside>Related: <a href="/x">another brief</a></aside>
            <footer><p>© Institute for Testing Studies. All rights reserved.</p></footer>
            <script>var tracking = "Xi Jinping is certain to";</script>
            """;

    void page(String path, String head, String word) {
        pages.put(path, ("<!doctype html><html><head>" + head + "</head><body>" + BODY.formatted(word) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPageWithCitationTagsBecomesAPaperWithItsAuthorsDateAndText() {
        Staff.ensure();
        String word = Ledger.unique("citation");
        page("/citation", """
                <meta name="citation_title" content="Outlook for the peninsula (%s)">
                <meta name="citation_author" content="Kim Test-one"><meta name="citation_author" content="Park Test-two">
                <meta name="citation_publication_date" content="2024/11/13">
                <meta name="citation_publisher" content="Institute for Testing Studies">
                <meta property="og:title" content="Not this title"><title>Nor this one</title>""".formatted(word), word);
        Response created = as("editor").body(Map.of("url", at("/moved"))).post("/api/papers/from-web");
        assertEquals(201, created.statusCode(), created.asString());
        String slug = created.jsonPath().getString("paper.slug");
        assertEquals("Outlook for the peninsula (" + word + ")", created.jsonPath().getString("paper.title"));
        assertEquals(List.of("Kim Test-one", "Park Test-two"), created.jsonPath().getList("paper.authors.printedName", String.class));
        assertEquals("2024-11-13", created.jsonPath().getString("paper.published"));
        assertEquals("Institute for Testing Studies", created.jsonPath().getString("paper.publisher"));
        assertEquals(at("/moved"), created.jsonPath().getString("paper.url"), "the address the editor gave");
        String text = (String) ledger.scalar("select t.body from paper_text t join paper p on p.id = t.paper_id where p.slug = ?", slug);
        assertTrue(text.contains("Xi Jinping is expected to visit Seoul in " + word + "."), text);
        assertTrue(text.contains("Beijing would seek to keep its distance from Pyongyang."));
        assertTrue(!text.contains("Research") && !text.contains("All rights reserved") && !text.contains("certain to")
                && !text.contains("another brief"), "navigation, footer, aside and scripts are left out: " + text);
        assertEquals("WEB", ledger.scalar("select t.source from paper_text t join paper p on p.id = t.paper_id where p.slug = ?", slug));
        List<String> sentences = as("editor").get("/api/papers/" + slug + "/candidates").jsonPath().getList("candidates.sentence", String.class);
        assertTrue(sentences.contains("Trade between the two countries is likely to grow in 2026."), sentences.toString());
        assertTrue(as("editor").get("/api/papers/" + slug + "/candidates").jsonPath().getList("candidates.page").stream().allMatch(p -> p == null),
                "a web page has no printed pages");
    }

    @Test
    void schemaOrgAndOpenGraphAreReadWhenThereAreNoCitationTags() {
        String word = Ledger.unique("ld");
        page("/ld", """
                <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "name": "Site"},
                  {"@type": ["Article"], "headline": "A schema.org brief %s", "datePublished": "2025-11-13T09:00:00+09:00",
                   "author": [{"@type": "Person", "name": "Lee Schema"}, {"@type": "Person", "name": "Cho Graph"}],
                   "publisher": {"@type": "Organization", "name": "Schema Institute"}}]}</script>""".formatted(word), word);
        Response ld = as("editor").body(Map.of("url", at("/ld"))).post("/api/papers/from-web");
        assertEquals(201, ld.statusCode(), ld.asString());
        assertEquals("A schema.org brief " + word, ld.jsonPath().getString("paper.title"));
        assertEquals(List.of("Lee Schema", "Cho Graph"), ld.jsonPath().getList("paper.authors.printedName", String.class));
        assertEquals("2025-11-13", ld.jsonPath().getString("paper.published"));
        assertEquals("Schema Institute", ld.jsonPath().getString("paper.publisher"));

        String og = Ledger.unique("og");
        page("/og", """
                <meta property="og:title" content="An Open Graph brief %s"><meta property="og:site_name" content="Graph Institute">
                <meta property="article:published_time" content="2024-03-11T00:00:00Z"><meta name="author" content="Han Open; Yoo Graph">"""
                .formatted(og), og);
        Response graph = as("editor").body(Map.of("url", at("/og"))).post("/api/papers/from-web");
        assertEquals(201, graph.statusCode(), graph.asString());
        assertEquals("An Open Graph brief " + og, graph.jsonPath().getString("paper.title"));
        assertEquals(List.of("Han Open", "Yoo Graph"), graph.jsonPath().getList("paper.authors.printedName", String.class));
        assertEquals("2024-03-11", graph.jsonPath().getString("paper.published"));
        assertEquals("Graph Institute", graph.jsonPath().getString("paper.publisher"));
    }

    @Test
    void aPageThatSaysTooLittleOrCannotBeFetchedIsRefusedByFieldAndChangesNothing() {
        Staff.ensure();
        String word = Ledger.unique("bare");
        page("/bare", "<title>A bare page " + word + "</title>", word);
        pages.put("/script-only", "<html><body><div id=app></div><script>render()</script></body></html>".getBytes(StandardCharsets.UTF_8));
        pages.put("/image", new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        types.put("/image", "image/png");
        var before = ledger.counts();
        Response bare = as("editor").body(Map.of("url", at("/bare"))).post("/api/papers/from-web");
        assertEquals(400, bare.statusCode(), bare.asString());
        assertEquals("application/problem+json", bare.contentType());
        assertEquals(List.of("publisher", "published", "authors"), bare.jsonPath().getList("errors.field", String.class));
        assertProblem(as("editor").body(Map.of("url", at("/missing"))).post("/api/papers/from-web"), 422, "url", "answered 404");
        assertProblem(as("editor").body(Map.of("url", at("/script-only"))).post("/api/papers/from-web"), 422, "url", "no text to read");
        assertProblem(as("editor").body(Map.of("url", at("/image"))).post("/api/papers/from-web"), 422, "url", "image/png");
        assertProblem(as("editor").body(Map.of("url", "ftp://example.org/x")).post("/api/papers/from-web"), 400, "url", "http(s) URL");
        assertEquals(403, as("analyst").body(Map.of("url", at("/bare"))).post("/api/papers/from-web").statusCode());
        assertEquals(before, ledger.counts(), "nothing written");
        // given what the page lacks, it is added
        Response given = as("editor").body(Map.of("url", at("/bare"), "publisher", "Bare Institute", "published", "2025-01",
                "authors", List.of(Map.of("name", "Bare Author " + word)))).post("/api/papers/from-web");
        assertEquals(201, given.statusCode(), given.asString());
        assertEquals("A bare page " + word, given.jsonPath().getString("paper.title"));
        assertEquals("2025-01", given.jsonPath().getString("paper.published"));
    }

    @Test
    void theServiceNeverFetchesItsOwnMachineOrPrivateNetworksUnlessAllowed() {
        WebFetcher fetcher = new WebFetcher(false, 1_000_000);
        for (String address : List.of(at("/citation"), "http://localhost:5432/", "http://10.0.0.1/", "http://192.168.1.1/x",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/")) {
            UnreadableDocument refused = assertThrows(UnreadableDocument.class, () -> fetcher.fetch(address), address);
            assertTrue(refused.getMessage().contains("private network"), refused.getMessage());
        }
        UnreadableDocument file = assertThrows(UnreadableDocument.class, () -> fetcher.fetch("file:///etc/passwd"));
        assertTrue(file.getMessage().contains("only http and https"), file.getMessage());
    }

    static void assertProblem(Response r, int status, String field, String says) {
        assertEquals(status, r.statusCode(), r.asString());
        assertEquals("application/problem+json", r.contentType(), r.asString());
        assertEquals(field, r.jsonPath().getString("errors[0].field"), r.asString());
        assertTrue(r.jsonPath().getString("errors[0].message").contains(says), r.asString());
    }

    // ---------------------------------------------------------------- PDFs

    static Response postPdf(String slug, byte[] pdf) {
        return as("editor").contentType("application/pdf").body(pdf).post("/api/papers/" + slug + "/text");
    }

    @Test
    void aPdfIsReadIntoThePapersTextAndEachCandidateNamesItsPage() {
        String slug = Ledger.paper("2024-11-13", "Pdf Author " + Ledger.unique("p"));
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            text.append("Paragraph ").append(i).append(" says that relations between the two neighbours are not simple to read.\n");
        }
        text.append("China is likely to send its foreign minister to Seoul in 2026.\n");
        byte[] pdf = TestPdf.build(text.toString(), new TestPdf.Layout(2, true, true));
        Response answer = postPdf(slug, pdf);
        assertEquals(200, answer.statusCode(), answer.asString());
        List<Map<String, Object>> candidates = answer.jsonPath().getList("candidates");
        assertEquals(1, candidates.size(), candidates.toString());
        assertEquals("China is likely to send its foreign minister to Seoul in 2026.", candidates.get(0).get("sentence"));
        int pages = ((Number) ledger.scalar("select cardinality(t.page_starts) from paper_text t join paper p on p.id = t.paper_id where p.slug = ?", slug)).intValue();
        assertTrue(pages >= 2, pages + " pages");
        assertEquals(pages, candidates.get(0).get("page"), "the last sentence is on the last page");
        assertEquals("PDF", ledger.scalar("select t.source from paper_text t join paper p on p.id = t.paper_id where p.slug = ?", slug));
    }

    @Test
    void encryptedScannedDamagedAndForeignFilesAreRefusedAndChangeNothing() throws Exception {
        Staff.ensure();
        String slug = Ledger.paper("2024-11-13", "Refused Pdf Author " + Ledger.unique("r"));
        byte[] good = TestPdf.build("China is likely to act in 2026. Other words follow here to make a page of text.\n", new TestPdf.Layout(1, false, false));
        var before = ledger.counts();
        assertProblem(postPdf(slug, encrypted(good, "a-user-password", true)), 422, "file", "password");
        assertProblem(postPdf(slug, encrypted(good, "", false)), 422, "file", "forbids copying");
        assertProblem(postPdf(slug, scanned()), 422, "file", "no text to read");
        assertProblem(postPdf(slug, java.util.Arrays.copyOf(good, good.length / 3)), 422, "file", "damaged");
        assertProblem(postPdf(slug, "%PDF-1.7\nnothing else at all".getBytes(StandardCharsets.ISO_8859_1)), 422, "file", "damaged");
        assertProblem(postPdf(slug, "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8)), 422, "file", "not a PDF");
        assertProblem(postPdf(slug, new byte[0]), 422, "file", "empty");
        Response tooLarge = postPdf(slug, new byte[9 * 1024 * 1024]);
        assertEquals(413, tooLarge.statusCode());
        assertEquals("application/problem+json", tooLarge.contentType());
        assertEquals(404, postPdf("no-such-paper-" + Ledger.unique("x"), good).statusCode());
        assertEquals(403, as("analyst").contentType("application/pdf").body(good).post("/api/papers/" + slug + "/text").statusCode());
        assertEquals(before, ledger.counts(), "nothing written");
        assertNull(ledger.scalar("select t.body from paper_text t join paper p on p.id = t.paper_id where p.slug = ?", slug));
        UnreadableDocument large = assertThrows(UnreadableDocument.class, () -> PdfReader.read(good, good.length - 1, 10));
        assertTrue(large.tooLarge() && large.getMessage().contains("at most"), large.getMessage());
        assertEquals(200, postPdf(slug, good).statusCode(), "the same paper takes a good file");
    }

    static byte[] encrypted(byte[] pdf, String userPassword, boolean mayCopy) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(mayCopy);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("the-owner-password", userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] scanned() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            for (int x = 10; x < 190; x += 3) {
                for (int y = 40; y < 60; y++) {
                    image.setRGB(x, y, 0xffffff);
                }
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(LosslessFactory.createFromImage(doc, image), 50, 500);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
