package org.hindcast.evidence;

import org.hindcast.common.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hindcast.audit.AuditLog;
import org.hindcast.forecasts.Forecast;
import org.hindcast.forecasts.ForecastRules;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.papers.Paper;
import org.hindcast.problems.ApiException;

import java.time.Clock;
import java.time.LocalDate;

@ApplicationScoped
@Transactional
public class EvidenceService {

    @Inject
    ForecastService forecasts;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    public record NewEvidence(String summary, LocalDate observedOn, String citationUrl, String citedSource,
                              String citationNote, Stance stance) {
    }

    public Evidence add(String actor, long forecastId, NewEvidence in) {
        Forecast forecast = forecasts.get(forecastId);
        boolean hasUrl = in.citationUrl() != null && !in.citationUrl().isBlank();
        boolean hasSource = in.citedSource() != null && !in.citedSource().isBlank();
        if (hasUrl == hasSource) {
            throw ApiException.badField("citationUrl", "give exactly one of citationUrl and citedSource");
        }
        if (hasUrl) {
            ForecastRules.citationUrl(in.citationUrl()).ifPresent(m -> {
                throw ApiException.badField("citationUrl", m);
            });
        }
        if (in.observedOn().isAfter(LocalDate.now(clock))) {
            throw ApiException.badField("observedOn", "is in the future");
        }
        ForecastRules.observedOn(forecast.madeOn, in.observedOn()).ifPresent(m -> {
            throw ApiException.badField("observedOn", m);
        });
        Evidence e = new Evidence();
        e.forecast = forecast;
        e.summary = in.summary().trim();
        e.observedOn = in.observedOn();
        e.stance = in.stance();
        e.citationNote = Text.blankToNull(in.citationNote());
        if (hasUrl) {
            e.citationUrl = in.citationUrl().trim();
        } else {
            e.citedPaper = Paper.findBySlug(in.citedSource())
                    .orElseThrow(() -> ApiException.badField("citedSource", "no source '" + in.citedSource() + "'"));
            ForecastRules.citedPaper(forecast.madeOn, e.citedPaper.published()).ifPresent(m -> {
                throw ApiException.badField("citedSource", m);
            });
        }
        e.addedBy = actor;
        e.persist();
        em.flush();
        audit.record(actor, "evidence.add", "forecast", forecast.id, e.stance + " (evidence " + e.id + "): " + e.summary);
        return e;
    }
}
