package org.hindcast.web;

import org.hindcast.forecasts.CorrectionProposal;
import org.hindcast.forecasts.Forecast;
import org.hindcast.forecasts.ForecastCorrection;
import org.hindcast.forecasts.ForecastStatus;
import org.hindcast.forecasts.ForecastWithdrawal;
import org.hindcast.forecasts.ProbabilityBasis;
import org.hindcast.forecasts.ResolveByBasis;
import org.hindcast.forecasts.Speaker;

import org.hindcast.evidence.Evidence;
import org.hindcast.evidence.Stance;
import org.hindcast.resolutions.Outcome;
import org.hindcast.resolutions.Resolution;
import org.hindcast.users.StaffNames;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A forecast as the API shows it. The detail form adds evidence, resolution history and corrections. */
public record ForecastView(long id, PaperRef paper, String statement, String quote, Speaker speaker,
                           String thirdParty, String condition, String phrase, double probability,
                           ProbabilityBasis probabilityBasis, String phraseTableVersion, LocalDate madeOn,
                           LocalDate resolveBy, ResolveByBasis resolveByBasis, String resolveByNote,
                           String resolutionCriteria, List<String> themes, List<AuthorRef> authors,
                           ForecastStatus status, boolean overdue, Double outcomeCredit, LocalDate resolvedOn,
                           Double brier, Integer quoteStart, Integer quoteEnd,
                           String createdBy, OffsetDateTime createdAt, long version,
                           List<EvidenceView> evidence, List<ResolutionView> resolutions,
                           List<CorrectionView> corrections, Boolean correctedAfterVerdict, List<ProposalView> proposals,
                           Long sameQuoteAs, WithdrawalView withdrawal) {

    /** Why and by whom a withdrawn forecast was withdrawn, and what it was before. */
    public record WithdrawalView(String reason, ForecastStatus statusBefore, String withdrawnBy, String approvedBy,
                                 OffsetDateTime withdrawnAt) {
        static WithdrawalView of(ForecastWithdrawal w) {
            return new WithdrawalView(w.reason, w.statusBefore, StaffNames.display(w.withdrawnBy),
                    w.approvedBy == null ? null : StaffNames.display(w.approvedBy), w.withdrawnAt);
        }
    }

    public record PaperRef(String slug, String title, String published) {
    }

    public record AuthorRef(String slug, String displayName) {
    }

    public record EvidenceView(long id, String summary, LocalDate observedOn, String citationUrl, String citedPaper,
                               String citationNote, Stance stance, String addedBy, OffsetDateTime addedAt, String quote,
                               Integer quoteStart, Integer quoteEnd) {
        public static EvidenceView of(Evidence e) {
            return new EvidenceView(e.id, e.summary, e.observedOn, e.citationUrl,
                    e.citedPaper == null ? null : e.citedPaper.slug, e.citationNote, e.stance, StaffNames.display(e.addedBy), e.addedAt,
                    e.quote, e.quoteStart, e.quoteEnd);
        }
    }

    /** A verdict; {@code early} when it was reached before the forecast's resolve-by date (allowed, and said). */
    public record ResolutionView(long id, int seq, Outcome outcome, Double credit, LocalDate resolvedOn, boolean early,
                                 String rationale, String reason, String reviewer, List<Long> evidence,
                                 OffsetDateTime createdAt) {
        public static ResolutionView of(Resolution r) {
            return new ResolutionView(r.id, r.seq, r.outcome, r.credit, r.resolvedOn, org.hindcast.resolutions.VerdictRules.early(r.resolvedOn, r.forecast.resolveBy),
                    r.rationale, r.reason, StaffNames.display(r.reviewer), r.evidence.stream().map(e -> e.id).toList(), r.createdAt);
        }
    }

    /** A correction; {@code approvedBy} names the second person of a correction made after the verdict. */
    public record CorrectionView(long id, String field, String oldValue, String newValue, String reason,
                                 String correctedBy, String approvedBy, OffsetDateTime correctedAt) {
        static CorrectionView of(ForecastCorrection c) {
            return new CorrectionView(c.id, c.field, c.oldValue, c.newValue, c.reason, StaffNames.display(c.correctedBy),
                    c.approvedBy == null ? null : StaffNames.display(c.approvedBy), c.correctedAt);
        }
    }

    /** A correction after the verdict waiting for a second staff member, or decided by one. */
    public record ProposalView(long id, String kind, long forecastVersion, String proposedBy, OffsetDateTime proposedAt, String reason,
                               java.util.Map<String, Object> changes, String status, String decidedBy, OffsetDateTime decidedAt,
                               String decisionNote) {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        public static ProposalView of(CorrectionProposal p) {
            return new ProposalView(p.id, p.kind.name(), p.forecastVersion, StaffNames.display(p.proposedBy), p.proposedAt, p.reason,
                    changesOf(p.changes), p.status.name(), p.decidedBy == null ? null : StaffNames.display(p.decidedBy),
                    p.decidedAt, p.decisionNote);
        }

        /** The fields the proposal sets, with their proposed values (the version and reason aside). */
        @SuppressWarnings("unchecked")
        private static java.util.Map<String, Object> changesOf(String json) {
            try {
                java.util.Map<String, Object> all = JSON.readValue(json, java.util.LinkedHashMap.class);
                java.util.Map<String, Object> set = new java.util.LinkedHashMap<>();
                all.forEach((k, v) -> {
                    if (v != null && !k.equals("version") && !k.equals("reason")) {
                        set.put(k, v);
                    }
                });
                return set;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static ForecastView summary(Forecast f, LocalDate today) {
        return of(f, today, null, null, null, null, null, null);
    }

    public static ForecastView detail(Forecast f, LocalDate today) {
        List<Resolution> resolutions = Resolution.of(f.id);
        List<ForecastCorrection> corrections = ForecastCorrection.of(f.id);
        // corrected after the verdict: a correction made after the first resolution was recorded
        boolean after = !resolutions.isEmpty() && corrections.stream()
                .anyMatch(c -> c.correctedAt.isAfter(resolutions.get(0).createdAt));
        return of(f, today,
                Evidence.of(f.id).stream().map(EvidenceView::of).toList(),
                resolutions.stream().map(ResolutionView::of).toList(),
                corrections.stream().map(CorrectionView::of).toList(), after,
                CorrectionProposal.of(f.id).stream().map(ProposalView::of).toList(),
                ForecastWithdrawal.of(f.id).map(WithdrawalView::of).orElse(null));
    }

    private static ForecastView of(Forecast f, LocalDate today, List<EvidenceView> evidence,
                                   List<ResolutionView> resolutions, List<CorrectionView> corrections,
                                   Boolean correctedAfterVerdict, List<ProposalView> proposals, WithdrawalView withdrawal) {
        return new ForecastView(f.id, new PaperRef(f.paper.slug, f.paper.title, f.paper.published().text()),
                f.statement, f.quote, f.speaker, f.thirdParty, f.condition, f.phrase, f.probability,
                f.probabilityBasis, f.phraseTableVersion, f.madeOn, f.resolveBy, f.resolveByBasis, f.resolveByNote,
                f.resolutionCriteria, f.themes.stream().map(t -> t.slug).toList(),
                f.authors.stream().map(a -> new AuthorRef(a.slug, a.displayName)).toList(),
                f.status, f.overdue(today), f.outcomeCredit, f.resolvedOn,
                f.status.scored() ? org.hindcast.scoring.Rules.brier(f.probability, f.outcomeCredit) : null,
                f.quoteStart, f.quoteEnd, StaffNames.display(f.createdBy), f.createdAt, f.version,
                evidence, resolutions, corrections, correctedAfterVerdict, proposals,
                f.sameQuoteAs == null ? null : f.sameQuoteAs.id, withdrawal);
    }
}
