package org.hindcast.resolutions;

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
import org.hindcast.forecasts.ForecastCorrection;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.forecasts.ForecastStatus;
import org.hindcast.problems.ApiException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
@Transactional
public class ResolutionService {

    @Inject
    ForecastService forecasts;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Event<ScoresChanged> scoresChanged;

    Clock clock = Clock.systemUTC();

    public record Verdict(long forecastVersion, Outcome outcome, Double credit, LocalDate resolvedOn, String rationale,
                          String reason, List<Long> evidence) {
    }

    /**
     * Adds a resolution. The forecast's version is the lock: the row is updated only where it still has
     * the version the reviewer read, so of two concurrent verdicts on one version exactly one lands.
     */
    public Resolution resolve(String reviewer, long forecastId, Verdict v) {
        Forecast forecast = forecasts.get(forecastId);
        ForecastService.refuseIfWithdrawn(forecast);
        if (reviewer.equals(forecast.createdBy)) {
            throw ApiException.forbidden("You logged this forecast, so another reviewer must resolve it.");
        }
        if (ForecastCorrection.count("forecast = ?1 and correctedBy = ?2", forecast, reviewer) > 0) {
            throw ApiException.forbidden("You corrected this forecast, so another reviewer must resolve it.");
        }
        if (forecast.version != v.forecastVersion()) {
            throw stale(v.forecastVersion(), forecast.version);
        }
        boolean reResolution = forecast.status != ForecastStatus.PENDING;
        if (reResolution && (v.reason() == null || v.reason().isBlank())) {
            throw ApiException.badField("reason", "the forecast is already resolved; say why it is re-resolved");
        }
        Double credit = switch (v.outcome()) {
            case TRUE -> 1.0;
            case FALSE -> 0.0;
            case PARTIAL -> {
                if (v.credit() == null) {
                    throw ApiException.badField("credit", "a PARTIAL outcome needs a credit between 0 and 1");
                }
                yield v.credit();
            }
            case ANNULLED, AMBIGUOUS -> null;
        };
        if (v.outcome() != Outcome.PARTIAL && v.credit() != null) {
            throw ApiException.badField("credit", "only a PARTIAL outcome takes a credit");
        }
        if (v.resolvedOn().isAfter(LocalDate.now(clock))) {
            throw ApiException.badField("resolvedOn", "is in the future");
        }
        if (v.resolvedOn().isBefore(forecast.madeOn)) {
            throw ApiException.badField("resolvedOn", "is before the forecast was made (" + forecast.madeOn + ")");
        }
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
        scoresChanged.fire(ScoresChanged.verdicts(forecast.authors.stream().map(a -> a.id).collect(java.util.stream.Collectors.toSet()),
                java.util.Set.of(forecast.id)));
        audit.record(reviewer, reResolution ? "forecast.re-resolve" : "forecast.resolve", "forecast", forecast.id,
                v.outcome() + (credit != null && v.outcome() == Outcome.PARTIAL ? " " + credit : "") + " (resolution "
                        + r.seq + "): " + r.rationale);
        return r;
    }

    private static ApiException stale(long given, Long current) {
        return ApiException.conflict("The forecast was changed since version " + given
                + (current == null ? "" : " (it is now at version " + current + ")") + "; read it again.");
    }

}
