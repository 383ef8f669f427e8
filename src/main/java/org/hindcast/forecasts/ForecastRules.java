package org.hindcast.forecasts;

import org.hindcast.papers.PublishedDate;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The consistency rules of a forecast with its paper and its evidence, as plain values: the same code for the
 * API, the pages, accepting a candidate and both import paths. Each answers why a value is refused, or empty.
 */
public final class ForecastRules {

    private ForecastRules() {
    }

    /** The last day a paper's printed date allows: the day itself, or the end of its month or year. */
    public static LocalDate periodEnd(PublishedDate published) {
        return switch (published.precision()) {
            case DAY -> published.date();
            case MONTH -> published.date().plusMonths(1).minusDays(1);
            case YEAR -> published.date().plusYears(1).minusDays(1);
        };
    }

    /** A forecast in a paper is made when the paper says it is: on its date, or within its month or year. */
    public static Optional<String> madeOn(PublishedDate published, LocalDate madeOn) {
        if (madeOn.isBefore(published.date()) || madeOn.isAfter(periodEnd(published))) {
            return Optional.of(switch (published.precision()) {
                case DAY -> "must be the paper's date, " + published.text();
                case MONTH -> "must fall in the paper's month, " + published.text();
                case YEAR -> "must fall in the paper's year, " + published.text();
            });
        }
        return Optional.empty();
    }

    /**
     * The estimative phrase is the quote's own words: it occurs in the quote, case and spacing aside; a phrase
     * written with "..." ("the likelihood ... is low") has its parts in order.
     */
    public static Optional<String> phraseInQuote(String phrase, String quote) {
        if (phrase == null || phrase.isBlank() || quote == null) {
            return Optional.empty();
        }
        String q = fold(quote);
        int from = 0;
        for (String part : phrase.split("\\.\\.\\.|…")) {
            String p = fold(part);
            if (p.isEmpty()) {
                continue;
            }
            int at = q.indexOf(p, from);
            if (at < 0) {
                return Optional.of("'" + phrase.trim() + "' does not occur in the quote; give the words as the paper prints them");
            }
            from = at + p.length();
        }
        return Optional.empty();
    }

    /** Evidence is what happened after the forecast was made. */
    public static Optional<String> observedOn(LocalDate madeOn, LocalDate observedOn) {
        return observedOn.isBefore(madeOn)
                ? Optional.of("is before the forecast was made (" + madeOn + "): evidence is what happened after it")
                : Optional.empty();
    }

    /** Evidence cited by address is cited by a web address: http or https, no spaces. */
    public static Optional<String> citationUrl(String url) {
        return url.trim().matches("https?://\\S+") ? Optional.empty() : Optional.of("must be an http(s) URL");
    }

    /** A paper of the ledger cited as evidence came out after the forecast was made. */
    public static Optional<String> citedPaper(LocalDate madeOn, PublishedDate cited) {
        return periodEnd(cited).isAfter(madeOn) ? Optional.empty()
                : Optional.of("was published (" + cited.text() + ") before the forecast was made (" + madeOn + ")");
    }

    /** A text as compared: case, curly apostrophes and runs of spaces aside. */
    public static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ").trim();
    }
}
