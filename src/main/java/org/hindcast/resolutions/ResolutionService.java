package org.hindcast.resolutions;

import org.hindcast.common.StorableText;
import org.hindcast.common.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.enterprise.event.Event;
import org.hindcast.audit.AuditLog;
import org.hindcast.common.ScoresChanged;
import org.hindcast.evidence.Evidence;
import org.hindcast.forecasts.Forecast;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.forecasts.ForecastStatus;
import org.hindcast.problems.ApiException;
import org.hindcast.problems.Problem;
import org.hindcast.problems.ProblemMappers;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
@Transactional
public class ResolutionService {

    @Inject
    ForecastService forecasts;

    @Inject
    AuditLog audit;

    @Inject
    Validator validator;

    @Inject
    EntityManager em;

    @Inject
    Event<ScoresChanged> scoresChanged;

    Clock clock = Clock.systemUTC();

    /** A verdict as a reviewer or a file gives it: the API's request body, the page's form, a corpus file's resolution. */
    @StorableText
    public record Verdict(@NotNull(message = "the form lost the forecast's version; read it again") Long forecastVersion,
                          @NotNull(message = "choose an outcome") Outcome outcome,
                          @DecimalMin(value = "0", message = "must be between 0 and 1")
                          @DecimalMax(value = "1", message = "must be between 0 and 1") Double credit,
                          @NotNull(message = "is required (YYYY-MM-DD)") LocalDate resolvedOn,
                          @NotBlank(message = "say why: the rationale is shown with the verdict") @Size(max = 4000) String rationale,
                          @Size(max = 2000) String reason,
                          @Size(max = 50) List<@NotNull Long> evidence) {
    }

    /** Every field the verdict gets wrong for this forecast: its shape and the rules of {@link VerdictRules}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Problem.FieldError> check(long forecastId, Verdict v) {
        return check(forecasts.get(forecastId), v);
    }

    private List<Problem.FieldError> check(Forecast forecast, Verdict v) {
        List<Problem.FieldError> errors = new ArrayList<>(ProblemMappers.fieldErrors(validator.validate(v)));
        errors.addAll(VerdictRules.check(v, forecast.status != ForecastStatus.PENDING, forecast.madeOn, LocalDate.now(clock)));
        return errors;
    }

    /**
     * Adds a resolution. The forecast's version is the lock: the row is updated only where it still has
     * the version the reviewer read, so of two concurrent verdicts on one version exactly one lands.
     */
    public Resolution resolve(String reviewer, long forecastId, Verdict v) {
        Forecast forecast = forecasts.get(forecastId);
        ForecastService.refuseIfWithdrawn(forecast);
        VerdictRules.mayResolve(reviewer, forecast.createdBy,
                correctedBy(forecast.id, reviewer)).ifPresent(m -> {
            throw ApiException.forbidden(m);
        });
        if (v.forecastVersion() != null && forecast.version != v.forecastVersion()) {
            throw stale(v.forecastVersion(), forecast.version);
        }
        boolean reResolution = forecast.status != ForecastStatus.PENDING;
        Double scoredBefore = forecast.status.scored() ? forecast.outcomeCredit : null;
        ApiException.refuseIfAny(check(forecast, v));
        Double credit = VerdictRules.credit(v.outcome(), v.credit());
        List<Evidence> relied = v.evidence() == null ? List.of() : v.evidence().stream().distinct().map(id -> {
            Evidence e = Evidence.findById(id);
            if (e == null || !e.forecast.id.equals(forecast.id)) {
                throw ApiException.badField("evidence", "evidence " + id + " is not attached to forecast " + forecast.id);
            }
            return e;
        }).toList();

        int updated = em.createQuery("""
                        update Forecast f set f.version = f.version + 1, f.status = :status, f.outcomeCredit = :credit,
                               f.resolvedOn = :resolvedOn
                        where f.id = :id and f.version = :version""")
                .setParameter("status", ForecastStatus.valueOf(v.outcome().name()))
                .setParameter("credit", credit)
                .setParameter("resolvedOn", v.resolvedOn())
                .setParameter("id", forecast.id)
                .setParameter("version", v.forecastVersion())
                .executeUpdate();
        if (updated == 0) {
            throw stale(v.forecastVersion(), null);
        }
        Integer last = em.createQuery("select max(r.seq) from Resolution r where r.forecast.id = :id", Integer.class)
                .setParameter("id", forecast.id).getSingleResult();
        Resolution r = new Resolution();
        r.forecast = forecast;
        r.seq = last == null ? 1 : last + 1;
        r.outcome = v.outcome();
        r.credit = v.outcome() == Outcome.PARTIAL ? credit : null;
        r.resolvedOn = v.resolvedOn();
        r.rationale = v.rationale().trim();
        r.reason = Text.blankToNull(v.reason());
        r.reviewer = reviewer;
        r.evidence.addAll(relied);
        r.persist();
        em.flush();
        em.refresh(forecast);
        scoresChanged.fire(ScoresChanged.outcome(forecast.authors.stream().map(a -> a.id).collect(java.util.stream.Collectors.toSet()),
                forecast.id, scoredBefore, forecast.status.scored() ? forecast.outcomeCredit : null));
        audit.record(reviewer, reResolution ? "forecast.re-resolve" : "forecast.resolve", "forecast", forecast.id,
                v.outcome() + (credit != null && v.outcome() == Outcome.PARTIAL ? " " + credit : "") + " (resolution "
                        + r.seq + "): " + r.rationale);
        return r;
    }

    /**
     * Whether this person corrected the forecast. A query whose SQL Hibernate translates once and keeps: Panache's
     * {@code count(...)} builds its count query anew on every call, a fifth of a verdict's CPU when profiled.
     */
    private boolean correctedBy(long forecastId, String person) {
        return em.createQuery("select count(*) from ForecastCorrection c where c.forecast.id = :f and c.correctedBy = :by", Long.class)
                .setParameter("f", forecastId).setParameter("by", person).getSingleResult() > 0;
    }

    private static ApiException stale(long given, Long current) {
        return ApiException.conflict("The forecast was changed since version " + given
                + (current == null ? "" : " (it is now at version " + current + ")") + "; read it again.");
    }

}
