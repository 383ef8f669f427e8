package org.hindcast.extraction;

import java.time.LocalDate;
import java.util.List;

/**
 * A sentence that forecasts, as the assistant reads it: where it stands in the text, the estimative phrase
 * with its band and point probability, a suggested resolve-by date with how it was inferred, suggested
 * themes, and flags for conditional, negated and attributed-to-others forecasts.
 */
public record Candidate(String sentence, int start, int end, String phrase, String tablePhrase, double low, double high,
                        double probability, String phraseTableVersion, boolean negated, boolean conditional,
                        String condition, boolean attributed, String attributedTo, LocalDate resolveBy,
                        String resolveByBasis, String resolveByNote, List<String> themes) {
}
