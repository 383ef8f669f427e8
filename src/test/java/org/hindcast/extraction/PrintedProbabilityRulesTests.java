package org.hindcast.extraction;

import org.hindcast.phrases.PhraseTables;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Probabilities a sentence prints, read by the rules of 2026.2 before any phrase of the table (issue 17). */
class PrintedProbabilityRulesTests {

    private final Extractor extractor = new Extractor(PhraseTables.load("2026.1"), ExtractionRules.load(ExtractionRules.DEFAULT_VERSION));

    private Candidate one(String sentence) {
        return one(extractor, sentence);
    }

    /** The one candidate the rules find in a sentence of a paper of 2025-01-15 (the test fails on none or several). */
    static Candidate one(Extractor extractor, String sentence) {
        List<Candidate> found = extractor.extract(sentence, LocalDate.parse("2025-01-15"), null);
        assertEquals(1, found.size(), sentence);
        return found.get(0);
    }

    @Test
    void aPrintedNumberOrEvenOddsIsTheCandidatesProbability() {
        Candidate percent = one("There is a 60 percent chance that the talks resume in 2026.");
        assertTrue(percent.printed());
        assertEquals(0.6, percent.probability(), 1e-9);
        assertEquals("60 percent chance", percent.phrase());
        Candidate sign = one("Seoul puts a 70% probability on a summit in 2026.");
        assertEquals(0.7, sign.probability(), 1e-9);
        Candidate of = one("Analysts see a probability of about 25 percent that Pyongyang tests a device in 2026.");
        assertEquals(0.25, of.probability(), 1e-9);
        Candidate even = one("The odds are roughly even that Beijing hosts the summit in 2026.");
        assertEquals(0.5, even.probability(), 1e-9);
        assertTrue(even.printed());
    }

    @Test
    void theNumberComesBeforeAPhraseOfTheTableInTheSameSentence() {
        Candidate both = one("China is likely to act: we put a 65 percent chance on a visit in 2026.");
        assertEquals(0.65, both.probability(), 1e-9);
        assertTrue(both.printed());
        Candidate phrase = one("China is likely to act in 2026.");
        assertTrue(!phrase.printed() && phrase.probability() > 0.5 && phrase.probability() < 0.9);
    }
}
