package org.hindcast.ingestion;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PDFs made in the test from a paper's text, laid out as publishers lay them out: one or two columns (the two
 * drawn line by line across both columns, so that the file's order is not the reading order), running headers
 * and footers with page numbers, and words broken at line ends by hyphens.
 */
final class TestPdf {

    record Layout(int columns, boolean runningHeaders, boolean hyphenate) {
        @Override
        public String toString() {
            return columns + " column" + (columns > 1 ? "s" : "") + (runningHeaders ? ", running headers" : "")
                    + (hyphenate ? ", hyphenation" : "");
        }
    }

    static final String RUNNING_HEADER = "Hindcast Test Press | Seoul";
    static final String RUNNING_FOOTER = "press.hindcast.test";
    static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final float SIZE = 10;
    private static final float LEADING = 13;
    private static final float PARAGRAPH_GAP = 9;
    private static final float MARGIN = 56;
    private static final float GUTTER = 24;
    private static final float TOP = PDRectangle.A4.getHeight() - 72;
    private static final float BOTTOM = 64;

    private TestPdf() {
    }

    /** The text with every character the standard font cannot draw replaced by '?', as the PDF will hold it. */
    static String drawable(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(c -> {
            String ch = new String(Character.toChars(c));
            if (c == '\n') {
                s.append('\n');
                return;
            }
            try {
                FONT.encode(ch);
                s.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                s.append('?');
            }
        });
        return s.toString();
    }

    private record Placed(int page, int column, int line, float x, float y, String text) {
    }

    static byte[] build(String text, Layout layout) {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float columnWidth = layout.columns() == 1 ? width : (width - GUTTER) / 2;
        List<Placed> placed = new ArrayList<>();
        int page = 0;
        int column = 0;
        int lineNo = 0;
        float y = TOP;
        for (String paragraph : drawable(text).split("\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            for (String line : wrap(paragraph.trim(), columnWidth, layout.hyphenate())) {
                if (y < BOTTOM) {
                    column++;
                    if (column == layout.columns()) {
                        column = 0;
                        page++;
                    }
                    y = TOP;
                    lineNo = 0;
                }
                placed.add(new Placed(page, column, lineNo++, MARGIN + column * (columnWidth + GUTTER), y, line));
                y -= LEADING;
            }
            y -= PARAGRAPH_GAP;
        }
        // drawn row by row across the columns: the file's order is not the order one reads in
        placed.sort(Comparator.comparingInt(Placed::page).thenComparingInt(Placed::line).thenComparingInt(Placed::column));
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int pages = page + 1;
            for (int p = 0; p < pages; p++) {
                PDPage pdPage = new PDPage(PDRectangle.A4);
                doc.addPage(pdPage);
                try (PDPageContentStream cs = new PDPageContentStream(doc, pdPage)) {
                    if (layout.runningHeaders()) {
                        show(cs, 8, MARGIN, PDRectangle.A4.getHeight() - 40, RUNNING_HEADER + " " + (p % 2 == 0 ? "Issue Brief" : "Outlook"));
                        show(cs, 8, PDRectangle.A4.getWidth() / 2 - 8, 36, "- " + (p + 1) + " -");
                        show(cs, 8, PDRectangle.A4.getWidth() - MARGIN - 80, 36, RUNNING_FOOTER);
                    }
                    for (Placed l : placed) {
                        if (l.page() == p) {
                            show(cs, SIZE, l.x(), l.y(), l.text());
                        }
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void show(PDPageContentStream cs, float size, float x, float y, String text) throws IOException {
        cs.beginText();
        cs.setFont(FONT, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    private static float width(String s) {
        try {
            return FONT.getStringWidth(s) / 1000 * SIZE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paragraph's lines; a word that does not fit is broken by a hyphen where that is allowed and fits. */
    static List<String> wrap(String paragraph, float max, boolean hyphenate) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (hyphenate) {
                String prefix = line.isEmpty() ? "" : line + " ";
                int cut = breakAt(word, prefix, max);
                if (cut > 0) {
                    String head = word.substring(0, cut);
                    lines.add(prefix + (head.endsWith("-") ? head : head + "-"));
                    line.setLength(0);
                    line.append(word.substring(cut));
                    continue;
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            line.setLength(0);
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Where to break a word: after its own hyphen, or between letters leaving three on each side; 0 for nowhere. */
    private static int breakAt(String word, String prefix, float max) {
        for (int i = word.length() - 1; i > 0; i--) {
            boolean atHyphen = word.charAt(i - 1) == '-' && i < word.length() && Character.isLetter(word.charAt(i));
            // a compound is broken at its own hyphen only, as typesetters do
            boolean inLetters = i >= 3 && word.substring(i).chars().filter(Character::isLetter).count() >= 3 && word.indexOf('-') < 0
                    && word.substring(0, i).chars().allMatch(Character::isLetter)
                    && Character.isLetter(word.charAt(i)) && word.length() >= 7;
            if ((atHyphen || inLetters) && width(prefix + word.substring(0, i) + (atHyphen ? "" : "-")) <= max) {
                return i;
            }
        }
        return 0;
    }
}
