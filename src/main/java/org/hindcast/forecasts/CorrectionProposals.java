package org.hindcast.forecasts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hindcast.audit.AuditLog;
import org.hindcast.common.Text;
import org.hindcast.problems.ApiException;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Corrections that need two people. A forecast with its verdict keeps what it said: a change of its probability,
 * phrase, statement, condition or dates is proposed by one staff member and applied only when another approves;
 * both the old and the new values stay in the forecast's history, with both names. Any other correction (a
 * typo in the quote, a theme) is applied at once, as before the verdict.
 */
@ApplicationScoped
@Transactional
public class CorrectionProposals {

    /** What a correction request came to: applied at once, or proposed for a second person. */
    public record Outcome(Forecast applied, CorrectionProposal proposed) {
    }

    @Inject
    ForecastService forecasts;

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    /** The one door for a correction by a person (API and pages): applied, or proposed when it needs a second person. */
    public Outcome submit(String actor, long forecastId, ForecastInput.Correction in) {
        Forecast f = forecasts.get(forecastId);
        ForecastService.refuseIfWithdrawn(f);
        if (f.status == ForecastStatus.PENDING || ForecastRules.settledChanges(f, in).isEmpty()) {
            return new Outcome(forecasts.correct(actor, forecastId, in), null);
        }
        String changes;
        try {
            changes = json.writeValueAsString(in);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        CorrectionProposal p = propose(actor, f, in.version(), CorrectionProposal.Kind.CORRECTION, in.reason(), changes,
                "say why the forecast is corrected");
        audit.record(actor, "forecast.correct.proposed", "forecast", f.id, "proposal " + p.id + " changes "
                + String.join(", ", ForecastRules.settledChanges(f, in)) + " after the verdict: " + p.reason);
        return new Outcome(null, p);
    }

    /**
     * A corpus file's correction of a forecast (the same rule as {@link #submit}): applied at once before the verdict
     * or when it touches nothing the verdict settled; otherwise proposed in the name of whoever ran the import, for a
     * second person to approve. {@code corpusHash} names what the file said: a proposal already made from the same
     * file is found again, not repeated; one made from an older version of the file, still undecided, goes stale.
     */
    public Outcome submitFromCorpus(String actor, long forecastId, ForecastInput.Correction in, String corpusHash) {
        Forecast f = forecasts.get(forecastId);
        if (f.status != ForecastStatus.PENDING && f.status != ForecastStatus.WITHDRAWN
                && !ForecastRules.settledChanges(f, in).isEmpty()) {
            CorrectionProposal same = fromCorpus(forecastId, corpusHash);
            if (same != null) {
                return new Outcome(null, same);
            }
            for (CorrectionProposal older : pendingOf(forecastId)) {
                if (older.corpusHash != null) {
                    older.status = CorrectionProposal.Status.STALE;
                    older.decidedAt = OffsetDateTime.now();
                    older.decisionNote = "replaced by a later version of the corpus file";
                }
            }
        }
        Outcome outcome = submit(actor, forecastId, in);
        if (outcome.proposed() != null) {
            outcome.proposed().corpusHash = corpusHash;
        }
        return outcome;
    }

    /** The proposal an import made from this version of a corpus file (any status), or null. */
    public static CorrectionProposal fromCorpus(long forecastId, String corpusHash) {
        return CorrectionProposal.<CorrectionProposal>find("forecast.id = ?1 and corpusHash = ?2 and status <> ?3 order by id desc",
                forecastId, corpusHash, CorrectionProposal.Status.STALE).firstResult();
    }

    /** The one door for a withdrawal: at once before the verdict, proposed for a second person after it. */
    public Outcome withdraw(String actor, long forecastId, long version, String reason) {
        Forecast f = forecasts.get(forecastId);
        if (f.status == ForecastStatus.PENDING || f.status == ForecastStatus.WITHDRAWN) {
            return new Outcome(forecasts.withdraw(actor, forecastId, version, reason, null), null);
        }
        CorrectionProposal p = propose(actor, f, version, CorrectionProposal.Kind.WITHDRAWAL, reason, "{}",
                "say why the forecast is withdrawn");
        audit.record(actor, "forecast.withdraw.proposed", "forecast", f.id, "proposal " + p.id + ": " + p.reason);
        return new Outcome(null, p);
    }

    /** A proposal for a second person, made on the version its proposer read, with the proposer's reason. */
    private CorrectionProposal propose(String actor, Forecast f, long version, CorrectionProposal.Kind kind, String reason,
                                       String changes, String reasonMissing) {
        ForecastService.requireVersion(f, version);
        ApiException.refuseIfAny(ForecastRules.reason(reason, reasonMissing));
        CorrectionProposal p = new CorrectionProposal();
        p.forecast = f;
        p.kind = kind;
        p.forecastVersion = f.version;
        p.proposedBy = actor;
        p.reason = reason.trim();
        p.changes = changes;
        p.persist();
        CorrectionProposal.flush();
        return p;
    }

    public CorrectionProposal get(long forecastId, long proposalId) {
        CorrectionProposal p = CorrectionProposal.findById(proposalId);
        if (p == null || !p.forecast.id.equals(forecastId)) {
            throw ApiException.notFound("correction proposal", Long.toString(proposalId));
        }
        return p;
    }

    /** A second staff member approves: the correction is applied as the proposer's, naming the approver. */
    public Forecast approve(String approver, long forecastId, long proposalId) {
        CorrectionProposal p = pending(forecastId, proposalId, approver);
        Forecast f = p.forecast;
        if (f.version != p.forecastVersion) {
            throw ApiException.conflict("Forecast " + forecastId + " changed after this proposal was made; it can no longer "
                    + "be applied as it stands. Propose the correction again on the current version.");
        }
        if (p.kind == CorrectionProposal.Kind.WITHDRAWAL) {
            Forecast withdrawn = forecasts.withdraw(p.proposedBy, forecastId, p.forecastVersion, p.reason, approver);
            p.status = CorrectionProposal.Status.APPROVED;
            p.decidedBy = approver;
            p.decidedAt = OffsetDateTime.now();
            return withdrawn;
        }
        ForecastInput.Correction in;
        try {
            in = json.readValue(p.changes, ForecastInput.Correction.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("proposal " + proposalId + " cannot be read", e);
        }
        Forecast corrected = forecasts.correctApproved(p.proposedBy, forecastId, in, approver);
        p.status = CorrectionProposal.Status.APPROVED;
        p.decidedBy = approver;
        p.decidedAt = OffsetDateTime.now();
        return corrected;
    }

    public CorrectionProposal reject(String actor, long forecastId, long proposalId, String note) {
        CorrectionProposal p = pending(forecastId, proposalId, null);
        if (note == null || note.isBlank()) {
            throw ApiException.badField("note", "say why the proposal is rejected");
        }
        p.status = CorrectionProposal.Status.REJECTED;
        p.decidedBy = actor;
        p.decidedAt = OffsetDateTime.now();
        p.decisionNote = Text.blankToNull(note);
        audit.record(actor, "forecast.correct.rejected", "forecast", forecastId, "proposal " + proposalId + ": " + note.trim());
        return p;
    }

    private CorrectionProposal pending(long forecastId, long proposalId, String approver) {
        CorrectionProposal p = get(forecastId, proposalId);
        if (p.status != CorrectionProposal.Status.PENDING) {
            throw ApiException.conflict("Proposal " + proposalId + " was already decided (" + p.status + ").");
        }
        if (approver != null && approver.equals(p.proposedBy)) {
            throw ApiException.forbidden("You proposed this correction, so another staff member must approve it.");
        }
        return p;
    }

    public static List<CorrectionProposal> pendingOf(long forecastId) {
        return CorrectionProposal.list("forecast.id = ?1 and status = ?2 order by id", forecastId, CorrectionProposal.Status.PENDING);
    }
}
