package org.hindcast.ingestion;

import java.util.List;

/**
 * A paper's text as read from its file or web page: the plain text the ledger stores, where each printed page
 * begins in it ({@code pageStarts.get(0)} is page 1, always 0; empty for a web page, which has no pages), and
 * what the document says about itself.
 */
public record PaperText(String text, List<Integer> pageStarts, Metadata metadata) {

    public PaperText {
        pageStarts = List.copyOf(pageStarts);
    }

    /** The printed page (from 1) that the character at {@code offset} is on, or null for a text without pages. */
    public Integer pageOf(int offset) {
        return pageOf(pageStarts, offset);
    }

    public static Integer pageOf(List<Integer> pageStarts, int offset) {
        if (pageStarts == null || pageStarts.isEmpty()) {
            return null;
        }
        int page = 1;
        for (int i = 1; i < pageStarts.size() && pageStarts.get(i) <= offset; i++) {
            page = i + 1;
        }
        return page;
    }

    /**
     * What a document says about itself, each null where it says nothing: from a PDF's document information, from
     * a web page's citation_*, Open Graph and schema.org metadata.
     */
    public record Metadata(String title, List<String> authors, String published, String publisher, String url) {

        public static final Metadata NONE = new Metadata(null, List.of(), null, null, null);

        public Metadata {
            authors = authors == null ? List.of() : List.copyOf(authors);
        }
    }
}
