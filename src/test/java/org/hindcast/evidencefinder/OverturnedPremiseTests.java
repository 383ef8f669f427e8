package org.hindcast.evidencefinder;

import org.hindcast.evidence.Stance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A later paper that calls an administration "former" overturns the forecasts that rest on it (the corpus's second
 * pass annulled eight for "the former Yoon Suk-yeol administration"): the finder proposes that sentence first, as
 * context, saying why. Plain values, with the stems PostgreSQL's english configuration gives.
 */
class OverturnedPremiseTests {

    private final EvidenceFinder finder = new EvidenceFinder(List.of(
            new EvidenceFinder.Sentence(0, 80, "Beijing criticized the former Moon Jae-in administration's approach to trade talks.",
                    Set.of("beij", "critic", "former", "moon", "jae-in", "jae", "administr", "approach", "trade", "talk")),
            new EvidenceFinder.Sentence(81, 160, "Trade talks between Seoul and Beijing resumed with a new agenda.",
                    Set.of("trade", "talk", "seoul", "beij", "resum", "new", "agenda")),
            new EvidenceFinder.Sentence(161, 220, "The moon festival drew crowds in the capital.",
                    Set.of("moon", "festiv", "drew", "crowd", "capit"))));

    @Test
    void aSentenceThatCallsTheForecastsAdministrationFormerComesFirstAsContext() {
        // "Trade talks stall under the Moon administration": the administration is named in the statement
        EvidenceFinder.Forecast f = new EvidenceFinder.Forecast(1, Set.of("trade", "talk", "stall", "moon", "administr"),
                Set.of(), "Trade talks stall under the Moon administration.");
        List<EvidenceFinder.Proposal> words = finder.propose(f, 5, 0.1);
        assertEquals(0, words.get(0).start(), "first, though the other sentence shares as many words");
        assertEquals(Stance.CONTEXT, words.get(0).stance());
        assertTrue(words.get(0).reason().contains("former Moon Jae-in administration"), words.get(0).reason());

        float[][] vectors = {{1, 0}, {1, 0}, {0, 1}};
        List<EvidenceFinder.Scored> meaning = new java.util.ArrayList<>();
        finder.scoreWithMeaning(f, new float[]{1, 0}, vectors, 0.5, 5, 0.25, meaning::add);
        assertEquals(0, meaning.get(0).sentence());
        assertEquals(EvidenceFinder.PREMISE_SCORE, meaning.get(0).score(), 1e-9);
    }

    @Test
    void onlyTheAdministrationTheForecastNamesAndOnlyWhenCalledFormer() {
        // named only in the quote or the condition counts; a moon that is no administration does not
        EvidenceFinder.Forecast inQuote = new EvidenceFinder.Forecast(2, Set.of("trade", "talk", "stall"),
                Set.of("moon", "administr"), "Trade talks stall.");
        assertEquals(0, finder.propose(inQuote, 5, 0.1).get(0).start());
        EvidenceFinder.Forecast festival = new EvidenceFinder.Forecast(3, Set.of("moon", "festiv", "crowd"), Set.of(),
                "The moon festival draws crowds.");
        assertTrue(finder.propose(festival, 5, 0.1).stream().noneMatch(p -> p.reason().contains("former")));
        EvidenceFinder.Forecast otherLeader = new EvidenceFinder.Forecast(4, Set.of("trade", "talk", "yoon", "administr"),
                Set.of(), "Trade talks stall under the Yoon administration.");
        assertTrue(finder.propose(otherLeader, 5, 0.1).stream().noneMatch(p -> p.reason().contains("former")));
    }
}
