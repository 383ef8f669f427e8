package org.hindcast.extraction;

import org.hindcast.phrases.PhraseTables;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wording that forecasts without a phrase of the table, read by the rules of 2026.3 (the corpus's second pass found
 * twelve such sentences the assistant missed). Sentences written for the test, not taken from the corpus.
 */
class EstimativeCueRulesTests {

    private final Extractor extractor = new Extractor(PhraseTables.load("2026.1"), ExtractionRules.load(ExtractionRules.DEFAULT_VERSION));

    private Candidate one(String sentence) {
        return PrintedProbabilityRulesTests.one(extractor, sentence);
    }

    private List<Candidate> none(String sentence) {
        return extractor.extract(sentence, LocalDate.parse("2025-01-15"), null);
    }

    @Test
    void aRiskNamedWithoutAPhraseOfTheTableIsACandidateForTheEditorsProbability() {
        Candidate risks = one("The new tariff schedule risks eroding Japan's support for the trade pact.");
        assertTrue(risks.editorial() && !risks.printed());
        assertNull(risks.tablePhrase());
        assertEquals("risks eroding", risks.phrase());
        assertEquals(0.40, risks.probability(), 1e-9);
        assertEquals(0.40, one("Delaying the talks carries the risk of a harsher response from Hanoi.").probability(), 1e-9);
        assertEquals(0.40, one("Manila risks being blamed for the stalled negotiations.").probability(), 1e-9);
    }

    @Test
    void expectationsHopesAndGrowingLikelihoodsAreReadAndAttributed() {
        Candidate expects = one("Tokyo therefore expects the new cabinet to adopt a tougher line on export controls.");
        assertEquals(0.75, expects.probability(), 1e-9);
        assertTrue(expects.attributed());
        assertEquals("Tokyo", expects.attributedTo());
        Candidate hopes = one("Minister Park expressed hopes for an early conclusion of the fisheries talks.");
        assertEquals(0.50, hopes.probability(), 1e-9);
        assertEquals("Minister Park", hopes.attributedTo());
        Candidate grown = one("After the election, the likelihood of a trade dispute with Canberra has grown.");
        assertEquals(0.65, grown.probability(), 1e-9);
        assertTrue(grown.editorial());
        Candidate doom = one("The editorial forecasted disaster for the coalition's reform plan.");
        assertEquals(0.85, doom.probability(), 1e-9);
    }

    @Test
    void pessimisticProspectsGiveTheProbabilityOfTheOutcomeTheyDoubt() {
        Candidate dim = one("Falling exports are raising pessimistic prospects for a recovery of bilateral trade.");
        assertTrue(dim.negated(), "the statement must name the recovery, at a low probability");
        assertEquals(0.25, dim.probability(), 1e-9);
        Candidate hard = one("It is hard to say whether the border crossings reopen before the harvest.");
        assertTrue(hard.editorial());
        assertEquals(0.50, hard.probability(), 1e-9);
    }

    @Test
    void aPhraseOfTheTableStillComesFirstAndPastOrPlainSentencesAreNoCandidates() {
        Candidate likely = one("Seoul is likely to resume the talks, although the plan risks delaying the budget.");
        assertFalse(likely.editorial());
        assertEquals("is likely to", likely.tablePhrase());
        assertTrue(none("The ministry expressed regret over the delay.").isEmpty());
        assertTrue(none("The risks were discussed at length in March.").isEmpty());
        assertTrue(none("Expectations ran high before the summit.").isEmpty());
    }
}
