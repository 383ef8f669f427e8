package org.hindcast.benchmark;

import org.hindcast.corpus.CorpusDocs;
import org.hindcast.phrases.PhraseTable;
import org.hindcast.phrases.PhraseTables;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator's promises: the sizes asked for, 70% resolved, a skewed authorship, valid values, the same files twice. */
class SyntheticLedgerTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final PhraseTable TABLE = PhraseTables.load("2026.1");

    @Test
    void theSameSeedGivesTheSameLedgerAndAnotherSeedAnother() {
        var size = new SyntheticLedger.Size(50, 200, 2_000, 0.7);
        var a = new SyntheticLedger(size, 7, TODAY, TABLE);
        var b = new SyntheticLedger(size, 7, TODAY, TABLE);
        var c = new SyntheticLedger(size, 8, TODAY, TABLE);
        assertEquals(a.paper(123), b.paper(123));
        assertTrue(!a.paper(123).equals(c.paper(123)));
    }

    @Test
    void theWrittenLedgerHasTheAskedSizesSeventyPercentResolvedAndASkew(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var size = new SyntheticLedger.Size(300, 3_000, 30_000, 0.7);
        GenerateCommand.Summary s = GenerateCommand.write(dir.resolve("ledger"), size, 1, false);
        assertEquals(3_001, Files.list(dir.resolve("ledger")).count(), "a file per paper and the themes file");
        assertEquals(3_000, s.papers());
        assertEquals(30_000, s.forecasts(), "forecasts per paper vary, the total is exact");
        double resolved = (double) s.resolved() / s.forecasts();
        assertTrue(resolved > 0.68 && resolved < 0.72, "70% resolved, was " + resolved);
        assertEquals(300, s.forecastsPerAuthor().length);
        assertTrue(s.evidence() > 0.3 * s.forecasts() && s.thirdParty() > 0, "evidence and third parties are there");
    }

    @Test
    void aFewAuthorsWriteThousandsOfForecastsAndMostAHandful() {
        // A tenth of the ledger, with its proportions: 1,000 authors, 10,000 papers, 100,000 forecasts.
        var ledger = new SyntheticLedger(new SyntheticLedger.Size(1_000, 10_000, 100_000, 0.7), 1, TODAY, TABLE);
        int[] perAuthor = new int[1_000];
        for (int i = 0; i < 10_000; i++) {
            CorpusDocs.PaperFile paper = ledger.paper(i);
            for (CorpusDocs.ForecastDoc f : paper.forecasts()) {
                if (f.speaker() == null) {
                    paper.paper().authors().forEach(a -> perAuthor[Integer.parseInt(a.slug().substring(11)) - 1]++);
                }
            }
        }
        int[] sorted = perAuthor.clone();
        java.util.Arrays.sort(sorted);
        int top = sorted[999];
        int median = sorted[500];
        assertTrue(top > 1_000, "the most prolific author has a thousand forecasts or more: " + top);
        assertTrue(top > 10 * median, "top " + top + " against a median of " + median);
        assertTrue(sorted[989] > 5 * median, "the tenth most prolific is well above the median: " + sorted[989]);
    }

    @Test
    void everyForecastIsOneTheImporterTakes() {
        var ledger = new SyntheticLedger(new SyntheticLedger.Size(40, 400, 4_000, 0.7), 3, TODAY, TABLE);
        Set<String> themes = new HashSet<>();
        ledger.themes().themes().forEach(t -> themes.add(t.slug()));
        Set<String> authors = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            CorpusDocs.PaperFile paper = ledger.paper(i);
            LocalDate published = LocalDate.parse(paper.paper().published());
            assertTrue(!published.isAfter(TODAY));
            paper.paper().authors().forEach(a -> authors.add(a.slug()));
            for (CorpusDocs.ForecastDoc f : paper.forecasts()) {
                assertTrue(themes.containsAll(f.themes()), "themes exist");
                if (f.phrase() != null) {
                    assertTrue(TABLE.lookup(f.phrase()).isPresent(), "the phrase is in the table: " + f.phrase());
                } else {
                    assertNotNull(f.probability());
                    assertTrue(f.probability() > 0 && f.probability() < 1);
                }
                assertTrue(!LocalDate.parse(f.resolveBy()).isBefore(published));
                if (f.resolution() != null) {
                    LocalDate on = LocalDate.parse(f.resolution().resolvedOn());
                    assertTrue(!on.isBefore(published) && !on.isAfter(TODAY), "resolved between the paper and today");
                    assertEquals(f.resolution().outcome().equals("PARTIAL"), f.resolution().credit() != null);
                }
            }
        }
        assertEquals(40, authors.size(), "every author has a paper");
    }
}
