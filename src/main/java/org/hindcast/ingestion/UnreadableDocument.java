package org.hindcast.ingestion;

/**
 * A file or web page the ledger cannot take a paper's text from, with the reason in words an editor can act on.
 * {@code tooLarge} marks the ones refused for their size.
 */
public class UnreadableDocument extends Exception {

    private final boolean tooLarge;

    public UnreadableDocument(String reason) {
        this(reason, false, null);
    }

    public UnreadableDocument(String reason, boolean tooLarge, Throwable cause) {
        super(reason, cause);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
