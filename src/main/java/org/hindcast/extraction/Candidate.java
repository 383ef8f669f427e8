package org.hindcast.extraction;

import java.time.LocalDate;
import java.util.List;

/**
 * A sentence that forecasts, as the assistant reads it: where it stands in the text, the estimative phrase
 * with its band and point probability, a suggested resolve-by date with how it was inferred, suggested
 * themes, flags for conditional, negated and attributed-to-others forecasts, and the forecasts of the paper
 * already logged from this sentence (by hand or from the assistant), so that nobody logs one twice unknowingly.
 */
public record Candidate(String sentence, int start, int end, String phrase, String tablePhrase, double low, double high,
                        double probability, String phraseTableVersion, boolean negated, boolean conditional,
                        String condition, boolean attributed, String attributedTo, LocalDate resolveBy,
                        String resolveByBasis, String resolveByNote, List<String> themes, List<Long> loggedAs,
                        Integer page, String editorsReading) {

    public Candidate(String sentence, int start, int end, String phrase, String tablePhrase, double low, double high,
                     double probability, String phraseTableVersion, boolean negated, boolean conditional, String condition,
                     boolean attributed, String attributedTo, LocalDate resolveBy, String resolveByBasis, String resolveByNote,
                     List<String> themes, List<Long> loggedAs, Integer page) {
        this(sentence, start, end, phrase, tablePhrase, low, high, probability, phraseTableVersion, negated, conditional,
                condition, attributed, attributedTo, resolveBy, resolveByBasis, resolveByNote, themes, loggedAs, page, null);
    }

    /** The sentence prints its probability ("a 60 percent chance"): no phrase of the table reads it. */
    public boolean printed() {
        return tablePhrase == null && editorsReading == null;
    }

    /**
     * No phrase of the table carries the estimate ("risks weakening", "expressed hopes for"): the probability is the
     * editors' to set (basis EDITOR); {@link #probability()} is the reading the rules start from, for the reason given.
     */
    public boolean editorial() {
        return editorsReading != null;
    }

    Candidate withThemesAndLogged(List<String> themes, List<Long> loggedAs, Integer page) {
        return new Candidate(sentence, start, end, phrase, tablePhrase, low, high, probability, phraseTableVersion, negated,
                conditional, condition, attributed, attributedTo, resolveBy, resolveByBasis, resolveByNote, themes, loggedAs, page,
                editorsReading);
    }
}
