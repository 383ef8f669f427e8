package org.hindcast.ingestion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hindcast.extraction.ExtractionService;
import org.hindcast.papers.Paper;
import org.hindcast.papers.PaperService;
import org.hindcast.problems.ApiException;
import org.hindcast.problems.Problem;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A paper's text from its PDF or its web page, stored as the text the extraction assistant and the evidence finder
 * read. Reading and fetching happen before any write; the paper and its text are then written in one transaction,
 * so a refused file or page changes nothing.
 */
@ApplicationScoped
public class IngestionService {

    @Inject
    ExtractionService extraction;

    @Inject
    PaperService papers;

    @Inject
    IngestConfig config;

    /** What was stored: the paper, the text's length and pages, and what the document said about itself. */
    public record Ingested(String paper, int characters, int pages, String source, PaperText.Metadata metadata) {
    }

    /** A new paper from a web page: each field given here overrides what the page's metadata says. */
    public record WebRequest(String url, String slug, String title, String publisher, String published, String series,
                             List<PaperService.PrintedAuthor> authors) {
    }

    /** The PDF's text stored as the paper's (the paper must exist; its metadata is not changed). */
    public Ingested attachPdf(String actor, String slug, byte[] pdf) {
        papers.get(slug);
        PaperText text = read(() -> PdfReader.read(pdf, config.maxPdfBytes(), config.maxPages()), "file");
        QuarkusTransaction.requiringNew().run(() -> extraction.attachText(actor, slug, text.text(), text.pageStarts(), "PDF", null));
        return new Ingested(slug, text.text().length(), text.pageStarts().size(), "PDF", text.metadata());
    }

    /** The page fetched and read: its text and metadata, nothing stored. */
    public PaperText fetch(String url) {
        return read(() -> {
            WebFetcher.Fetched page = new WebFetcher(config.allowPrivateAddresses(), config.maxPageBytes()).fetch(url);
            if (page.mediaType().equals("application/pdf")) {
                PaperText t = PdfReader.read(page.body(), config.maxPdfBytes(), config.maxPages());
                PaperText.Metadata m = t.metadata();
                return new PaperText(t.text(), t.pageStarts(), new PaperText.Metadata(m.title(), m.authors(), null, null, page.url()));
            }
            if (!page.mediaType().equals("text/html") && !page.mediaType().equals("application/xhtml+xml")
                    && !page.mediaType().isEmpty()) {
                throw new UnreadableDocument("the address answers " + page.mediaType() + ", not a web page or a PDF");
            }
            try {
                return WebPageReader.read(Jsoup.parse(new ByteArrayInputStream(page.body()), page.charset(), page.url()), page.url());
            } catch (IOException e) {
                throw new UnreadableDocument("the page could not be parsed (" + e.getMessage() + ")", false, e);
            }
        }, "url");
    }

    /**
     * A new paper from its web page: the page fetched and read first, then the paper (its metadata from the page
     * where the request gives none) and its text written together. A field neither gives is refused by name.
     */
    public Ingested fromWeb(String actor, WebRequest request) {
        PaperText page = fetch(request.url());
        PaperText.Metadata m = page.metadata();
        String title = given(request.title(), m.title());
        String publisher = given(request.publisher(), m.publisher());
        String published = given(request.published(), m.published());
        List<PaperService.PrintedAuthor> authors = request.authors() != null && !request.authors().isEmpty() ? request.authors()
                : m.authors().stream().map(a -> new PaperService.PrintedAuthor(null, a, null, false)).toList();
        List<Problem.FieldError> missing = new ArrayList<>();
        if (title == null) {
            missing.add(new Problem.FieldError("title", "the page gives no title (citation_title, og:title or <title>): give it"));
        }
        if (publisher == null) {
            missing.add(new Problem.FieldError("publisher", "the page names no publisher (citation_publisher, schema.org publisher or og:site_name): give it"));
        }
        if (published == null) {
            missing.add(new Problem.FieldError("published", "the page gives no date (citation_publication_date, datePublished or article:published_time): give it"));
        }
        if (authors.isEmpty()) {
            missing.add(new Problem.FieldError("authors", "the page names no author (citation_author, schema.org author or the author tag): give them"));
        }
        ApiException.refuseIfAny(missing);
        String url = request.url().trim();
        return QuarkusTransaction.requiringNew().call(() -> {
            Paper paper = papers.create(actor, new PaperService.PaperFields(request.slug(), title, publisher, request.series(),
                    url, published, "en", authors, null, null));
            String source = page.pageStarts().isEmpty() ? "WEB" : "PDF";
            extraction.attachText(actor, paper.slug, page.text(), page.pageStarts().isEmpty() ? null : page.pageStarts(), source, url);
            return new Ingested(paper.slug, page.text().length(), page.pageStarts().size(), source, m);
        });
    }

    private static String given(String requested, String fromPage) {
        if (requested != null && !requested.isBlank()) {
            return requested.trim();
        }
        return fromPage == null || fromPage.isBlank() ? null : fromPage.trim();
    }

    @FunctionalInterface
    private interface Reading {
        PaperText read() throws UnreadableDocument;
    }

    /** A document read, or the reason it cannot be, as a problem on the field that named it. */
    private static PaperText read(Reading reading, String field) {
        try {
            return reading.read();
        } catch (UnreadableDocument e) {
            if (e.tooLarge()) {
                throw new ApiException(413, "Payload Too Large", field + ": " + e.getMessage(),
                        List.of(new Problem.FieldError(field, e.getMessage())));
            }
            throw new ApiException(422, "Unreadable " + (field.equals("url") ? "web page" : "file"), field + ": " + e.getMessage(),
                    List.of(new Problem.FieldError(field, e.getMessage())));
        }
    }
}
