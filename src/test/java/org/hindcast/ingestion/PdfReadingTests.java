package org.hindcast.ingestion;

import org.hindcast.extraction.Sentences;
import org.hindcast.testing.Papers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five papers' texts made into PDFs in the test (one column, two columns drawn across, running headers and
 * footers with page numbers, hyphenation, and all of them at once) and read back: at least 99% of each paper's
 * sentences come back intact, no running header, footer or page number is left in the text, and each page's
 * first words begin where the text says that page begins.
 */
class PdfReadingTests {

    static final List<TestPdf.Layout> LAYOUTS = List.of(new TestPdf.Layout(1, false, false), new TestPdf.Layout(2, false, false),
            new TestPdf.Layout(1, true, false), new TestPdf.Layout(1, false, true), new TestPdf.Layout(2, true, true));

    static List<Path> paperTexts() throws IOException {
        try (Stream<Path> files = Files.list(Papers.require("reading the papers back from PDFs"))) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList();
        }
    }

    static String squeeze(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }

    /** The share of the text's sentences found, whole, in what was read back. */
    static double intact(String original, String read, List<String> lost) {
        String haystack = squeeze(read);
        List<Sentences.Span> sentences = Sentences.split(original).stream().filter(s -> s.text().chars().anyMatch(Character::isLetter)).toList();
        int found = 0;
        for (Sentences.Span s : sentences) {
            if (haystack.contains(squeeze(s.text()))) {
                found++;
            } else {
                lost.add(squeeze(s.text()));
            }
        }
        return (double) found / sentences.size();
    }

    @Test
    void atLeast99PercentOfEachPapersSentencesComeBackIntactFromEveryLayout() throws Exception {
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-28s %-42s %6s %9s%n", "paper", "layout", "pages", "intact"));
        for (Path file : paperTexts()) {
            String original = TestPdf.drawable(Files.readString(file));
            for (TestPdf.Layout layout : LAYOUTS) {
                PaperText read = PdfReader.read(TestPdf.build(original, layout), 10_000_000, 1000);
                List<String> lost = new ArrayList<>();
                double share = intact(original, read.text(), lost);
                table.append(String.format(Locale.ROOT, "%-28s %-42s %6d %8.1f%%%n", file.getFileName(), layout, read.pageStarts().size(), 100 * share));
                if (share < 0.99) {
                    failures.add(file.getFileName() + " " + layout + ": " + String.format(Locale.ROOT, "%.1f%%", 100 * share)
                            + " intact; lost e.g. " + lost.subList(0, Math.min(3, lost.size())));
                }
                if (layout.runningHeaders()) {
                    assertFalse(read.text().contains(TestPdf.RUNNING_HEADER) || read.text().contains(TestPdf.RUNNING_FOOTER),
                            file + " " + layout + ": a running header or footer was left in");
                    for (int p = 1; p <= read.pageStarts().size(); p++) {
                        assertFalse(read.text().contains("- " + p + " -"), file + " " + layout + ": page number " + p + " was left in");
                    }
                }
            }
        }
        System.out.print("PDFs read back\n" + table);
        assertEquals(List.of(), failures);
    }

    @Test
    void eachPageBeginsWhereTheTextSaysAndAQuoteMapsToItsPage() throws Exception {
        Path file = paperTexts().get(4);
        String original = TestPdf.drawable(Files.readString(file));
        PaperText read = PdfReader.read(TestPdf.build(original, new TestPdf.Layout(2, true, true)), 10_000_000, 1000);
        assertTrue(read.pageStarts().size() >= 3, "the longest paper fills several pages: " + read.pageStarts());
        assertEquals(0, read.pageStarts().get(0));
        for (int p = 1; p < read.pageStarts().size(); p++) {
            int start = read.pageStarts().get(p);
            assertTrue(start > read.pageStarts().get(p - 1), "pages begin in order");
            assertTrue(start == 0 || Character.isWhitespace(read.text().charAt(start - 1)) || read.text().charAt(start - 1) == '-'
                    || Character.isLetter(read.text().charAt(start - 1)), "a page begins at a word");
            assertEquals(p + 1, read.pageOf(start));
            assertEquals(p, read.pageOf(start - 1));
        }
        assertEquals(read.pageStarts().size(), read.pageOf(read.text().length() - 1));
    }
}
