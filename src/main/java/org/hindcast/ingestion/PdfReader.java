package org.hindcast.ingestion;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A paper's text from its PDF (Apache PDFBox): every page's characters with their positions, put in reading
 * order by {@link PageLayout} and made into the stored text by {@link PagedText}. The document information's
 * title and authors are the metadata, when the file has them.
 *
 * <p>Refused, with the reason: a file over {@code maxBytes} or {@code maxPages}, one that is not a PDF or is
 * damaged beyond reading, one that needs a password or forbids copying its text, and one whose pages hold no
 * text (a scan: the ledger has no OCR).
 */
public final class PdfReader {

    public static final int DEFAULT_MAX_PAGES = 1_000;

    private PdfReader() {
    }

    public static PaperText read(byte[] pdf, long maxBytes, int maxPages) throws UnreadableDocument {
        if (pdf == null || pdf.length == 0) {
            throw new UnreadableDocument("the file is empty");
        }
        if (pdf.length > maxBytes) {
            throw new UnreadableDocument("the file has " + pdf.length + " bytes; a paper's PDF may have at most " + maxBytes, true, null);
        }
        if (!startsLikeAPdf(pdf)) {
            throw new UnreadableDocument("the file is not a PDF (it does not begin with %PDF-)");
        }
        // a damaged file's objects are read in memory only, never to a scratch file, and within the size read
        try (PDDocument doc = Loader.loadPDF(pdf, "", null, null, IOUtils.createMemoryOnlyStreamCache())) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw new UnreadableDocument("the PDF is encrypted and forbids copying its text; ask its publisher for an open copy");
            }
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new UnreadableDocument("the PDF has no pages");
            }
            if (pages > maxPages) {
                throw new UnreadableDocument("the PDF has " + pages + " pages; a paper may have at most " + maxPages, true, null);
            }
            Collector collector = new Collector();
            List<List<PageLayout.Line>> lines = new ArrayList<>();
            for (int p = 1; p <= pages; p++) {
                collector.glyphs.clear();
                collector.setStartPage(p);
                collector.setEndPage(p);
                collector.writeText(doc, new StringWriter());
                PDPage page = doc.getPage(p - 1);
                float width = page.getRotation() % 180 == 0 ? page.getCropBox().getWidth() : page.getCropBox().getHeight();
                lines.add(PageLayout.read(collector.glyphs, width));
            }
            PagedText.Result text = PagedText.assemble(lines);
            if (text.text().codePoints().filter(Character::isLetter).count() < 20L * Math.min(pages, 3)) {
                throw new UnreadableDocument("the PDF's " + pages + " page(s) hold no text to read (a scanned image?); "
                        + "the ledger does not read images: paste the text instead");
            }
            return new PaperText(text.text(), text.pageStarts(), metadata(doc.getDocumentInformation()));
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocument("the PDF is protected by a password; ask its publisher for an open copy", false, e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocument("the PDF is damaged and cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", false, e);
        }
    }

    private static boolean startsLikeAPdf(byte[] pdf) {
        // the header may follow up to 1,024 bytes of junk, as readers allow
        String head = new String(pdf, 0, Math.min(pdf.length, 1024 + 5), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    private static PaperText.Metadata metadata(PDDocumentInformation info) {
        if (info == null) {
            return PaperText.Metadata.NONE;
        }
        String title = blankToNull(info.getTitle());
        List<String> authors = info.getAuthor() == null ? List.of()
                : Arrays.stream(info.getAuthor().split("\\s*(;|,| and )\\s*")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        // the file's creation date is when the file was made, not when the paper was published: not read
        return new PaperText.Metadata(title, authors, null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** PDFBox's text stripper, kept only for the characters and positions it finds on a page. */
    private static final class Collector extends PDFTextStripper {
        final List<Glyph> glyphs = new ArrayList<>();

        @Override
        protected void processTextPosition(TextPosition t) {
            String text = t.getUnicode();
            if (text == null) {
                return;
            }
            glyphs.add(new Glyph(t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(), t.getFontSizeInPt() > 0 ? t.getFontSizeInPt()
                    : Math.abs(t.getHeightDir()), text));
        }
    }
}
