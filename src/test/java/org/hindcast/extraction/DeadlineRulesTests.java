package org.hindcast.extraction;

import org.hindcast.phrases.PhraseTables;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The deadlines a sentence prints, read by the rules of 2026.2 ahead of the paper's title and the default horizon
 * (issue 17): "before the end of 2026", "within the year", "by the summer of 2026", "next year", "early 2026".
 */
class DeadlineRulesTests {

    private final Extractor extractor = new Extractor(PhraseTables.load("2026.1"), ExtractionRules.load(ExtractionRules.DEFAULT_VERSION));

    private Candidate one(String sentence, String published, String title) {
        List<Candidate> found = extractor.extract(sentence, LocalDate.parse(published), title);
        assertEquals(1, found.size(), sentence);
        return found.get(0);
    }

    private void reads(String sentence, String published, String resolveBy, String basis) {
        Candidate c = one(sentence, published, "Outlook on China's Foreign Policy in Trump's Second Term");
        assertEquals(LocalDate.parse(resolveBy), c.resolveBy(), sentence + ": " + c.resolveByNote());
        assertEquals(basis, c.resolveByBasis(), sentence);
    }

    @Test
    void aDeadlineInTheSentenceComesBeforeTheTitlesAndTheDefault() {
        reads("China is likely to reopen the consulate before the end of 2026.", "2024-11-13", "2026-12-31", "STATED");
        reads("Seoul will likely host the trilateral talks within the year.", "2024-03-15", "2024-12-31", "INFERRED");
        reads("Beijing is expected to lift the tour ban by the summer of 2026.", "2025-11-13", "2026-08-31", "STATED");
        reads("Pyongyang will likely test a missile next year.", "2024-11-13", "2025-12-31", "INFERRED");
        reads("Xi Jinping is expected to visit Seoul in early 2026.", "2025-11-13", "2026-04-30", "STATED");
        reads("The talks are likely to resume in late 2025.", "2025-03-01", "2025-12-31", "STATED");
        reads("Tokyo is expected to join the talks by the winter of 2025.", "2025-03-01", "2026-02-28", "STATED");
    }

    @Test
    void withoutADeadlineInTheSentenceTheTitleStillGivesIt() {
        reads("China is likely to press Seoul on THAAD.", "2024-11-13", "2029-01-20", "INFERRED");
    }
}
