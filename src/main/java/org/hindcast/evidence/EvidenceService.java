package org.hindcast.evidence;

import org.hindcast.common.StorableText;
import org.hindcast.common.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hindcast.audit.AuditLog;
import org.hindcast.forecasts.Forecast;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.papers.Paper;
import org.hindcast.problems.ApiException;
import org.hindcast.problems.Problem;
import org.hindcast.problems.ProblemMappers;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class EvidenceService {

    @Inject
    ForecastService forecasts;

    @Inject
    AuditLog audit;

    @Inject
    Validator validator;

    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Evidence as a person or a file gives it: the API's request body, the page's form, a corpus file's entry. */
    @StorableText
    public record NewEvidence(@NotBlank @Size(max = 4000) String summary,
                              @NotNull(message = "is required (YYYY-MM-DD)") LocalDate observedOn,
                              @Size(max = 2000) String citationUrl,
                              @com.fasterxml.jackson.annotation.JsonAlias("citedSource") @Size(max = 100) String citedPaper,
                              @Size(max = 1000) String citationNote,
                              @NotNull(message = "choose SUPPORTS, REFUTES or CONTEXT") Stance stance,
                              @Size(max = 4000) String quote) {
        public NewEvidence(String summary, LocalDate observedOn, String citationUrl, String citedPaper, String citationNote,
                           Stance stance) {
            this(summary, observedOn, citationUrl, citedPaper, citationNote, stance, null);
        }
    }

    /** How many pieces of evidence each of these forecasts has (absent: none). */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public java.util.Map<Long, Long> counts(List<Long> forecastIds) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        if (forecastIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = Evidence.getEntityManager().createNativeQuery(
                        "select forecast_id, count(*) from evidence where forecast_id = any(cast(?1 as bigint[])) group by forecast_id")
                .setParameter(1, forecastIds.toArray(Long[]::new)).getResultList();
        rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return counts;
    }

    /** Every field the evidence gets wrong for this forecast: its shape and the rules of {@link EvidenceRules}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Problem.FieldError> check(long forecastId, NewEvidence in) {
        return check(forecasts.get(forecastId), in);
    }

    private List<Problem.FieldError> check(Forecast forecast, NewEvidence in) {
        return check(forecast, in, cited(in));
    }

    private List<Problem.FieldError> check(Forecast forecast, NewEvidence in, Optional<Paper> cited) {
        List<Problem.FieldError> errors = new ArrayList<>(ProblemMappers.fieldErrors(validator.validate(in)));
        errors.addAll(EvidenceRules.check(in, forecast.madeOn, slug -> cited.map(Paper::published), LocalDate.now(clock)));
        String quote = Text.blankToNull(in.quote());
        String citedText = quote == null || cited.isEmpty() ? null : storedText(cited.get());
        if (citedText != null && QuoteSpans.find(citedText, quote.trim()) == null) {
            errors.add(new Problem.FieldError("quote", "is not in the stored text of '" + cited.get().slug
                    + "': quote the paper's sentence word for word"));
        }
        return errors;
    }

    private String storedText(Paper paper) {
        List<?> rows = em.createNativeQuery("select body from paper_text where paper_id = ?1").setParameter(1, paper.id).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** Where the quote first stands in the paper's stored text (spaces and line breaks alike), or null. */
    int[] quoteSpan(Paper paper, String quote) {
        String text = storedText(paper);
        return text == null ? null : QuoteSpans.find(text, quote);
    }

    /** The ledger paper the evidence cites, looked up once for the rules and the record. */
    private static Optional<Paper> cited(NewEvidence in) {
        String slug = Text.blankToNull(in.citedPaper());
        return slug == null ? Optional.empty() : Paper.findBySlug(slug.trim());
    }

    /** Attaches evidence to a forecast, or refuses naming every field it gets wrong (nothing written). */
    public Evidence add(String actor, long forecastId, NewEvidence in) {
        Forecast forecast = forecasts.get(forecastId);
        Optional<Paper> cited = cited(in);
        ApiException.refuseIfAny(check(forecast, in, cited));
        Evidence e = new Evidence();
        e.forecast = forecast;
        e.summary = in.summary().trim();
        e.observedOn = in.observedOn();
        e.stance = in.stance();
        e.citationNote = Text.blankToNull(in.citationNote());
        if (Text.blankToNull(in.citationUrl()) != null) {
            e.citationUrl = in.citationUrl().trim();
        } else {
            e.citedPaper = cited.orElseThrow();
        }
        e.quote = Text.blankToNull(in.quote()) == null ? null : in.quote().trim();
        if (e.quote != null && e.citedPaper != null) {
            // where the quote stands in the cited paper's stored text (checked by the rules: it must be there)
            int[] span = quoteSpan(e.citedPaper, e.quote);
            if (span != null) {
                e.quoteStart = span[0];
                e.quoteEnd = span[1];
            }
        }
        e.addedBy = actor;
        e.persist();
        em.flush();
        audit.record(actor, "evidence.add", "forecast", forecast.id, e.stance + " (evidence " + e.id + "): " + e.summary);
        return e;
    }
}
