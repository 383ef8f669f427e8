package org.hindcast.trust;

import org.hindcast.evidence.EvidenceRules;
import org.hindcast.evidence.EvidenceService;
import org.hindcast.evidence.Stance;
import org.hindcast.forecasts.ForecastRules;
import org.hindcast.forecasts.ProbabilityBasis;
import org.hindcast.forecasts.ResolveByBasis;
import org.hindcast.forecasts.Speaker;
import org.hindcast.papers.DatePrecision;
import org.hindcast.papers.PublishedDate;
import org.hindcast.phrases.PhraseTable;
import org.hindcast.phrases.PhraseTables;
import org.hindcast.problems.Problem.FieldError;
import org.hindcast.resolutions.Outcome;
import org.hindcast.resolutions.ResolutionService;
import org.hindcast.resolutions.VerdictRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger's rules as plain code over plain values (no database, no HTTP): each answers every field a value gets
 * wrong at once, so that a door can put each message next to its field in one answer.
 */
class LedgerRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final PhraseTable TABLE = PhraseTables.load("2026.1");
    private static final Function<String, Optional<PhraseTable>> TABLES =
            v -> v == null || v.equals(TABLE.version()) ? Optional.of(TABLE) : Optional.empty();
    private static final PublishedDate MARCH_2024 = new PublishedDate(LocalDate.of(2024, 3, 1), DatePrecision.MONTH);

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).sorted().toList();
    }

    @Test
    void aValidForecastIsPricedFromThePhraseTable() {
        var checked = ForecastRules.check(new ForecastRules.Draft("China is likely to stay cautious.", Speaker.AUTHORS, null, 0,
                "likely", null, null, null, LocalDate.of(2024, 3, 11), LocalDate.of(2025, 3, 11), ResolveByBasis.STATED, null,
                MARCH_2024), TABLES, TODAY);
        assertTrue(checked.ok(), checked.errors().toString());
        assertEquals(ProbabilityBasis.PHRASE_TABLE, checked.price().basis());
        assertEquals(TABLE.lookup("likely").orElseThrow().point(), checked.price().probability(), 1e-12);
        assertEquals("2026.1", checked.price().tableVersion());
    }

    @Test
    void aForecastWrongInFiveFieldsIsToldAllFiveAtOnce() {
        var checked = ForecastRules.check(new ForecastRules.Draft("Seoul may join the Quad.", Speaker.THIRD_PARTY, null, 2,
                "almost certainly", null, null, null, LocalDate.of(2024, 2, 28), LocalDate.of(2024, 1, 1),
                ResolveByBasis.INFERRED, " ", MARCH_2024), TABLES, TODAY);
        assertEquals(List.of("authors", "madeOn", "phrase", "resolveBy", "resolveByNote", "thirdParty"), fields(checked.errors()));
        assertEquals("must fall in the paper's month, 2024-03", checked.errors().stream()
                .filter(e -> e.field().equals("madeOn")).findFirst().orElseThrow().message());
    }

    @Test
    void aPrintedProbabilityMustLieStrictlyBetweenZeroAndOneAndTakesNoTableVersion() {
        var base = new ForecastRules.Draft("It is 100% certain.", Speaker.AUTHORS, null, 0, null, 1.0, ProbabilityBasis.PRINTED,
                null, LocalDate.of(2024, 3, 11), LocalDate.of(2025, 1, 1), ResolveByBasis.STATED, null, MARCH_2024);
        assertEquals(List.of("probability"), fields(ForecastRules.check(base, TABLES, TODAY).errors()));
        var withVersion = new ForecastRules.Draft(base.quote(), base.speaker(), null, 0, null, 0.7, ProbabilityBasis.PRINTED,
                "2026.1", base.madeOn(), base.resolveBy(), base.resolveByBasis(), null, MARCH_2024);
        assertEquals(List.of("phraseTableVersion"), fields(ForecastRules.check(withVersion, TABLES, TODAY).errors()));
    }

    @Test
    void evidenceWrongInThreeFieldsIsToldAllThreeAtOnce() {
        var in = new EvidenceService.NewEvidence("Something happened.", LocalDate.of(2024, 1, 5), "https://exa mple.org/a b",
                "a-later-paper", null, Stance.SUPPORTS);
        List<FieldError> errors = EvidenceRules.check(in, LocalDate.of(2024, 3, 11),
                slug -> Optional.of(new PublishedDate(LocalDate.of(2023, 1, 1), DatePrecision.DAY)), TODAY);
        // a URL and a paper both given, the URL malformed, observed before the forecast, the paper older than it
        assertEquals(List.of("citationUrl", "citationUrl", "citedPaper", "observedOn"), fields(errors));
    }

    @Test
    void evidenceCitingAPaperOfTheSameMonthAsAMonthPrecisionForecastIsAllowed() {
        var in = new EvidenceService.NewEvidence("The paper reports it.", LocalDate.of(2024, 3, 20), null, "same-month",
                null, Stance.REFUTES);
        assertEquals(List.of(), EvidenceRules.check(in, LocalDate.of(2024, 3, 11), slug -> Optional.of(MARCH_2024), TODAY));
    }

    @Test
    void aVerdictWrongInThreeFieldsIsToldAllThreeAtOnceAndEarlyVerdictsAreAllowedButSaid() {
        var v = new ResolutionService.Verdict(3L, Outcome.TRUE, 0.5, LocalDate.of(2024, 1, 1), "It happened.", null, List.of());
        assertEquals(List.of("credit", "reason", "resolvedOn"), fields(VerdictRules.check(v, true, LocalDate.of(2024, 3, 11), TODAY)));
        var early = new ResolutionService.Verdict(3L, Outcome.PARTIAL, 0.5, LocalDate.of(2024, 6, 1), "Half of it.", null, List.of());
        assertEquals(List.of(), VerdictRules.check(early, false, LocalDate.of(2024, 3, 11), TODAY));
        assertTrue(VerdictRules.early(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 12, 31)));
        assertFalse(VerdictRules.early(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31)));
        assertEquals(0.5, VerdictRules.credit(Outcome.PARTIAL, 0.5));
        assertEquals(null, VerdictRules.credit(Outcome.ANNULLED, null));
    }

    @Test
    void whoeverLoggedOrCorrectedAForecastMayNotResolveIt() {
        assertTrue(VerdictRules.mayResolve("ed", "ed", false).isPresent());
        assertTrue(VerdictRules.mayResolve("rev", "ed", true).isPresent());
        assertEquals(Optional.empty(), VerdictRules.mayResolve("rev", "ed", false));
    }
}
