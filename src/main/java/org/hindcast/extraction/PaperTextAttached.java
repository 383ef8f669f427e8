package org.hindcast.extraction;

/** A paper's text was stored (pasted, from a PDF or from a web page): fired inside the transaction that stores it. */
public record PaperTextAttached(long paperId, String slug, String sha256) {
}
