package org.hindcast.evidence;

import org.hindcast.common.Text;
import org.hindcast.forecasts.ForecastRules;
import org.hindcast.papers.PublishedDate;
import org.hindcast.problems.Problem.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of a piece of evidence, as plain code over plain values: the same code for the JSON API, the staff
 * page, the per-file and the bulk import. {@link #check} answers every field the evidence gets wrong at once; the
 * shape of the request (a blank summary, a text too long) is said by the constraints of {@link EvidenceService.NewEvidence}.
 */
public final class EvidenceRules {

    private EvidenceRules() {
    }

    /**
     * Every rule of evidence for a forecast made on {@code madeOn}. {@code papers} finds a ledger paper's printed
     * date by its slug.
     */
    public static List<FieldError> check(EvidenceService.NewEvidence in, LocalDate madeOn,
                                         Function<String, Optional<PublishedDate>> papers, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String url = Text.blankToNull(in.citationUrl());
        String source = Text.blankToNull(in.citedPaper());
        if ((url == null) == (source == null)) {
            errors.add(new FieldError("citationUrl", "give exactly one of citationUrl and citedPaper"));
        }
        if (url != null) {
            citationUrl(url).ifPresent(m -> errors.add(new FieldError("citationUrl", m)));
        }
        if (in.observedOn() != null) {
            if (in.observedOn().isAfter(today)) {
                errors.add(new FieldError("observedOn", "is in the future"));
            }
            observedOn(madeOn, in.observedOn()).ifPresent(m -> errors.add(new FieldError("observedOn", m)));
        }
        if (source != null) {
            Optional<PublishedDate> cited = papers.apply(source);
            if (cited.isEmpty()) {
                errors.add(new FieldError("citedPaper", "no paper '" + source + "'"));
            } else {
                citedPaper(madeOn, cited.get()).ifPresent(m -> errors.add(new FieldError("citedPaper", m)));
            }
        }
        return List.copyOf(errors);
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
        return ForecastRules.periodEnd(cited).isAfter(madeOn) ? Optional.empty()
                : Optional.of("was published (" + cited.text() + ") before the forecast was made (" + madeOn + ")");
    }
}
