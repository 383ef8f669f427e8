package org.hindcast.ingestion;

/** PDFs for tests outside this package (the pages' browser tests). */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** The text laid out in two columns drawn across, with running headers, footers and hyphenation. */
    public static byte[] twoColumnsWithHeaders(String text) {
        return TestPdf.build(text, new TestPdf.Layout(2, true, true));
    }
}
