package org.hindcast.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the sentence splitter ends sentences: the rules it learnt from the five papers (issue 17). */
class SentencesTests {

    private static List<String> split(String text) {
        return Sentences.split(text).stream().map(Sentences.Span::text).toList();
    }

    @Test
    void aSentenceEndingInUsEndsBeforeAWordThatBeginsSentences() {
        assertEquals(List.of("South Korea should stay aligned with the U.S.", "Simultaneously, South Korea should explore the Global South."),
                split("South Korea should stay aligned with the U.S. Simultaneously, South Korea should explore the Global South."));
        assertEquals(List.of("The U.S. Congress is likely to act."), split("The U.S. Congress is likely to act."));
        assertEquals(List.of("Ties with the U.S. and Japan will deepen."), split("Ties with the U.S. and Japan will deepen."));
    }

    @Test
    void anAbbreviatedMonthIsOneOnlyBeforeADayOrAYearAndANameLikeJunEndsItsSentence() {
        assertEquals(List.of("It spoke through Chinese Ambassador to the UN Zhang Jun.", "Zhang justified China's veto."),
                split("It spoke through Chinese Ambassador to the UN Zhang Jun. Zhang justified China's veto."));
        assertEquals(List.of("Aug. 27, 2022: the meeting is held virtually."), split("Aug. 27, 2022: the meeting is held virtually."));
        assertEquals(List.of("On Jun. 22 the minister met the ambassador."), split("On Jun. 22 the minister met the ambassador."));
    }
}
