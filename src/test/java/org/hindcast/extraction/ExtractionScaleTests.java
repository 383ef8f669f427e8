package org.hindcast.extraction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.hindcast.phrases.PhraseTables;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extractor on texts shaped to make regular expressions backtrack or recurse: endless sentences of
 * capitalised words, of "a Word" pairs, of phrases every exclusion matches, of conditions that never reach
 * their comma, and a whole text of the largest size a paper may have. None may overflow the stack, and each
 * must finish in seconds (the limits are generous on purpose: the quadratic rule took 21 s on a 64k-character
 * sentence, so a 2M-character text would have taken hours).
 */
class ExtractionScaleTests {

    private static final LocalDate PUBLISHED = LocalDate.of(2024, 11, 13);
    private static final ExtractionRules RULES = ExtractionRules.load(ExtractionRules.DEFAULT_VERSION);
    private final Extractor extractor = new Extractor(PhraseTables.load("2026.1"), RULES);

    private static String repeat(String unit, int length) {
        StringBuilder b = new StringBuilder(length + unit.length());
        while (b.length() < length) {
            b.append(unit);
        }
        return b.toString();
    }

    /** Sentences of 64k characters built to defeat each kind of rule. */
    private static final List<String> HOSTILE = List.of(
            "The Trump " + repeat("Aa Bb Cc ", 64_000) + "will likely stay",
            repeat("a Word ", 64_000) + "will likely stay",
            repeat("it was expected ", 64_000) + "and it is likely",
            "If " + repeat("in the event of war and the more it rains ", 64_000) + "China will likely act",
            "the more " + repeat("ab ", 64_000) + "likely",
            "Optimists " + repeat("Observers analysts ", 64_000) + "likely",
            repeat("in 20", 64_000) + " likely");

    private List<Candidate> extract(String text) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> extractor.extract(text, PUBLISHED, "A title"));
    }

    @Test
    void everyShippedRuleReadsAHostileSentenceWithinItsLinearBudget() {
        List<Pattern> all = new ArrayList<>();
        all.addAll(RULES.recommendations());
        all.addAll(RULES.phraseExclusions());
        all.addAll(RULES.skipSentences());
        all.addAll(RULES.thirdParty());
        all.addAll(RULES.conditions());
        RULES.dates().forEach(d -> all.add(d.pattern()));
        RULES.themes().forEach(t -> all.addAll(t.all()));
        BoundedMatcher matcher = new BoundedMatcher();
        for (String sentence : HOSTILE) {
            for (Pattern p : all) {
                matcher.findAll(p, sentence);
            }
        }
        assertEquals(List.of(), matcher.gaveUp(), "rules that would have backtracked or recursed");
    }

    @Test
    void hostileSentencesFinishAndStillYieldTheirCandidate() {
        for (String sentence : HOSTILE) {
            List<Candidate> out = extract(sentence + ".");
            assertEquals(1, out.size(), sentence.substring(0, 30));
            assertEquals(0.7, out.get(0).probability(), 1e-9, out.get(0).tablePhrase());
        }
    }

    @Test
    void aRuleThatWouldBacktrackOrRecurseGivesUpAsNoMatchInsteadOfHangingOrCrashing() throws Exception {
        String yaml = """
                version: test
                thirdParty:
                  - pattern: '\\b(a [A-Z][\\w ]+ editorial)\\b[^.]{0,40}\\bcautioned'
                  - pattern: '(the [A-Z][\\w-]+(?: [A-Z][\\w-]+)* administration)'
                """;
        ExtractionRules careless = ExtractionRules.parse(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        Extractor e = new Extractor(PhraseTables.load("2026.1"), careless);
        String sentence = "The " + repeat("a Word ", 200_000) + "is likely to stay.";
        List<Candidate> out = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> e.extract(sentence, PUBLISHED, null));
        assertEquals(1, out.size());
        assertFalse(out.get(0).attributed(), "a rule that gave up counts as no match");
        BoundedMatcher matcher = new BoundedMatcher();
        matcher.find(careless.thirdParty().get(0), sentence);
        matcher.find(careless.thirdParty().get(1), "The " + repeat("Aa Bb ", 200_000));
        assertEquals(List.of("ran out of steps", "overflowed the stack"),
                matcher.gaveUp().stream().map(BoundedMatcher.GaveUp::reason).toList());
    }

    @Test
    void aTextOfTheLargestAllowedSizeIsReadInSeconds() {
        String paragraph = "Xi Jinping is expected to visit South Korea in November 2025. The " + repeat("Aa ", 3_000)
                + "administration will likely pin their hopes on it. A " + repeat("a Word ", 2_000) + "editorial will likely"
                + " be cautioned. If " + repeat("in the event of rain ", 500) + "China will probably act.\n\n";
        String text = repeat(paragraph, ExtractionService.MAX_TEXT - paragraph.length());
        assertTrue(text.length() <= ExtractionService.MAX_TEXT);
        long started = System.nanoTime();
        List<Candidate> out = extract(text);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("extraction of %,d characters: %,d candidates in %,d ms%n", text.length(), out.size(), millis);
        assertEquals(4 * (text.length() / paragraph.length()), out.size());
        assertEquals("is expected to", out.get(0).tablePhrase());
    }
}
