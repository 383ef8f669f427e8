package org.hindcast.forecasts;

import org.hindcast.common.Text;
import org.hindcast.papers.PublishedDate;
import org.hindcast.phrases.PhraseTable;
import org.hindcast.problems.Problem.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of a forecast, as plain code over plain values: the same code for the JSON API, the staff pages,
 * accepting a candidate, the per-file and the bulk import. {@link #check} answers every field a forecast gets
 * wrong at once; the single rules answer why a value is refused, or empty. What a request's shape refuses (a
 * blank statement, a text too long) is said by the Bean Validation constraints of {@link ForecastInput}, which
 * every door applies too. The evidence and the verdict have their rules beside them: {@code EvidenceRules},
 * {@code VerdictRules}.
 */
public final class ForecastRules {

    private ForecastRules() {
    }

    /**
     * A forecast as it would be stored, in plain values. {@code probability}, {@code basis} and {@code tableVersion}
     * are as given (a null basis with no probability means the phrase table); {@code authorsGiven} is how many
     * authors the request names (0 when it names none).
     */
    public record Draft(String quote, Speaker speaker, String thirdParty, int authorsGiven, String phrase,
                        Double probability, ProbabilityBasis basis, String tableVersion,
                        LocalDate madeOn, LocalDate resolveBy, ResolveByBasis resolveByBasis, String resolveByNote,
                        PublishedDate paper) {
    }

    /** Where a forecast's probability comes from: the number, its basis, and the phrase table version when it is the table. */
    public record Price(double probability, ProbabilityBasis basis, String tableVersion) {
    }

    /** The answer of {@link #check}: every field error, and the price when the probability could be settled. */
    public record Checked(List<FieldError> errors, Price price) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Every rule of a forecast at once. {@code tables} finds a phrase table by version, or the current one for null.
     */
    public static Checked check(Draft d, Function<String, Optional<PhraseTable>> tables, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        Price price = price(d, tables, errors);
        String thirdParty = Text.blankToNull(d.thirdParty());
        if (d.madeOn() != null && d.madeOn().isAfter(today)) {
            errors.add(new FieldError("madeOn", "is in the future"));
        }
        if (d.madeOn() != null && d.paper() != null) {
            madeOn(d.paper(), d.madeOn()).ifPresent(m -> errors.add(new FieldError("madeOn", m)));
        }
        if (d.madeOn() != null && d.resolveBy() != null && d.resolveBy().isBefore(d.madeOn())) {
            errors.add(new FieldError("resolveBy", "is before the forecast was made (" + d.madeOn() + ")"));
        }
        if (d.resolveByBasis() != null && d.resolveByBasis() != ResolveByBasis.STATED && Text.blankToNull(d.resolveByNote()) == null) {
            errors.add(new FieldError("resolveByNote", "say how the date was "
                    + (d.resolveByBasis() == ResolveByBasis.INFERRED ? "inferred" : "chosen")));
        }
        if (d.speaker() == Speaker.THIRD_PARTY && thirdParty == null) {
            errors.add(new FieldError("thirdParty", "name whom the paper attributes the forecast to"));
        }
        if (d.speaker() != Speaker.THIRD_PARTY && thirdParty != null) {
            errors.add(new FieldError("thirdParty", "only for speaker THIRD_PARTY"));
        }
        if (d.speaker() == Speaker.THIRD_PARTY && d.authorsGiven() > 0) {
            errors.add(new FieldError("authors", "a third party's forecast scores for nobody: leave authors empty"));
        }
        phraseInQuote(d.phrase(), d.quote()).ifPresent(m -> errors.add(new FieldError("phrase", m)));
        return new Checked(List.copyOf(errors), price);
    }

    /** The probability a forecast states: the phrase table's point for its phrase, or the number given with its basis. */
    private static Price price(Draft d, Function<String, Optional<PhraseTable>> tables, List<FieldError> errors) {
        ProbabilityBasis basis = d.basis();
        String phrase = Text.blankToNull(d.phrase());
        if (basis == null) {
            if (d.probability() != null) {
                errors.add(new FieldError("probabilityBasis", "say where the probability came from: PRINTED or EDITOR"));
                return null;
            }
            basis = ProbabilityBasis.PHRASE_TABLE;
        }
        if (basis != ProbabilityBasis.PHRASE_TABLE) {
            if (d.probability() == null) {
                errors.add(new FieldError("probability", "is required when the basis is " + basis));
                return null;
            }
            if (!(d.probability() > 0 && d.probability() < 1)) {
                errors.add(new FieldError("probability", "must be strictly between 0 and 1"));
                return null;
            }
            if (d.tableVersion() != null) {
                errors.add(new FieldError("phraseTableVersion", "only for basis PHRASE_TABLE"));
                return null;
            }
            return new Price(d.probability(), basis, null);
        }
        if (phrase == null) {
            errors.add(new FieldError("phrase", "is needed to take the probability from the phrase table"));
            return null;
        }
        Optional<PhraseTable> table = tables.apply(d.tableVersion());
        if (table.isEmpty()) {
            errors.add(new FieldError("phraseTableVersion", "no phrase table version '" + d.tableVersion() + "'"));
            return null;
        }
        var entry = table.get().lookup(phrase);
        if (entry.isEmpty()) {
            errors.add(new FieldError("phrase", "'" + phrase + "' is not in phrase table " + table.get().version()
                    + "; give a probability with basis EDITOR"));
            return null;
        }
        if (d.probability() != null && Math.abs(d.probability() - entry.get().point()) > 1e-9) {
            errors.add(new FieldError("probability", "phrase table " + table.get().version() + " gives '"
                    + entry.get().phrase() + "' " + entry.get().point() + "; use basis EDITOR to differ"));
            return null;
        }
        return new Price(entry.get().point(), basis, table.get().version());
    }

    /**
     * What a forecast says about the future: after its verdict one person cannot change it (a correction of these
     * needs a second staff member's approval, see {@link CorrectionProposals}).
     */
    public static final List<String> SETTLED_AFTER_VERDICT = List.of("statement", "condition", "phrase",
            "probability", "probabilityBasis", "phraseTableVersion", "madeOn", "resolveBy", "resolveByBasis");

    /** The settled fields a correction would change on this forecast (empty: none). */
    public static List<String> settledChanges(Forecast f, ForecastInput.Correction in) {
        List<String> out = new ArrayList<>();
        if (in.statement() != null && !in.statement().trim().equals(f.statement)) {
            out.add("statement");
        }
        if (in.condition() != null && !Objects.equals(Text.blankToNull(in.condition()), f.condition)) {
            out.add("condition");
        }
        if (in.phrase() != null && !Objects.equals(Text.blankToNull(in.phrase()), f.phrase)) {
            out.add("phrase");
        }
        if (in.probability() != null && in.probability() != f.probability) {
            out.add("probability");
        }
        if (in.probabilityBasis() != null && in.probabilityBasis() != f.probabilityBasis) {
            out.add("probabilityBasis");
        }
        if (in.phraseTableVersion() != null && !in.phraseTableVersion().equals(f.phraseTableVersion)) {
            out.add("phraseTableVersion");
        }
        if (in.madeOn() != null && !in.madeOn().equals(f.madeOn)) {
            out.add("madeOn");
        }
        if (in.resolveBy() != null && !in.resolveBy().equals(f.resolveBy)) {
            out.add("resolveBy");
        }
        if (in.resolveByBasis() != null && in.resolveByBasis() != f.resolveByBasis) {
            out.add("resolveByBasis");
        }
        return out;
    }

    /** A change of the record after it was made (a withdrawal, a proposal) says why. */
    public static List<FieldError> reason(String reason, String reasonMissing) {
        return reason == null || reason.isBlank() ? List.of(new FieldError("reason", reasonMissing)) : List.of();
    }

    /**
     * When a forecast that names no date of its own was made: the last day the paper's printed date allows (the day
     * itself, or the end of its month or year), or today when that day is still to come. A paper printed as
     * "2024-03" may have appeared on any day of March, and reports what happened up to its last day; dating its
     * forecasts on the 1st would place them before the paper could exist. The latest day never does.
     */
    public static LocalDate defaultMadeOn(PublishedDate published, LocalDate today) {
        LocalDate end = periodEnd(published);
        return end.isAfter(today) ? today : end;
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

    /** A text as compared: case, curly apostrophes and runs of spaces aside. */
    public static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ").trim();
    }
}
