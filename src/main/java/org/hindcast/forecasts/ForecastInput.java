package org.hindcast.forecasts;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The request bodies of the forecast endpoints. */
public final class ForecastInput {

    private ForecastInput() {
    }

    public record NewForecast(
            @com.fasterxml.jackson.annotation.JsonAlias("source") @NotBlank @Size(max = 100) String paper,
            @NotBlank @Size(max = 2000) String statement,
            @NotBlank @Size(max = 4000) String quote,
            Speaker speaker,
            @Size(max = 300) String thirdParty,
            @Size(max = 2000) String condition,
            @Size(max = 200) String phrase,
            @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
            @DecimalMax(value = "1", inclusive = false, message = "must be less than 1") Double probability,
            ProbabilityBasis probabilityBasis,
            @Size(max = 32) String phraseTableVersion,
            LocalDate madeOn,
            @NotNull LocalDate resolveBy,
            @NotNull ResolveByBasis resolveByBasis,
            @Size(max = 1000) String resolveByNote,
            @Size(max = 2000) String resolutionCriteria,
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 100) String> themes,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> authors,
            Long sameQuoteAs) {

        public NewForecast(String paper, String statement, String quote, Speaker speaker, String thirdParty, String condition,
                           String phrase, Double probability, ProbabilityBasis probabilityBasis, String phraseTableVersion,
                           LocalDate madeOn, LocalDate resolveBy, ResolveByBasis resolveByBasis, String resolveByNote,
                           String resolutionCriteria, List<String> themes, List<String> authors) {
            this(paper, statement, quote, speaker, thirdParty, condition, phrase, probability, probabilityBasis,
                    phraseTableVersion, madeOn, resolveBy, resolveByBasis, resolveByNote, resolutionCriteria, themes, authors, null);
        }

        public NewForecast withSameQuoteAs(Long id) {
            return new NewForecast(paper, statement, quote, speaker, thirdParty, condition, phrase, probability, probabilityBasis,
                    phraseTableVersion, madeOn, resolveBy, resolveByBasis, resolveByNote, resolutionCriteria, themes, authors, id);
        }
    }

    /**
     * A correction: every field given replaces the stored one and is recorded with its old value and the
     * reason. The version is the one the editor read; a stale one is refused with 409.
     */
    public record Correction(
            @NotNull Long version,
            @NotBlank @Size(max = 2000) String reason,
            @Size(min = 1, max = 2000) String statement,
            @Size(min = 1, max = 4000) String quote,
            Speaker speaker,
            @Size(max = 300) String thirdParty,
            @Size(max = 2000) String condition,
            @Size(max = 200) String phrase,
            @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
            @DecimalMax(value = "1", inclusive = false, message = "must be less than 1") Double probability,
            ProbabilityBasis probabilityBasis,
            @Size(max = 32) String phraseTableVersion,
            LocalDate madeOn,
            LocalDate resolveBy,
            ResolveByBasis resolveByBasis,
            @Size(max = 1000) String resolveByNote,
            @Size(max = 2000) String resolutionCriteria,
            @Size(min = 1, max = 20) List<@NotBlank @Size(max = 100) String> themes,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> authors) {
    }

    /** The filters of the forecast list. */
    /**
     * Which forecasts a list holds. {@code text} is a full-text query (web-search syntax: words, "a phrase", or,
     * -word) over statements, quotes, conditions, paper titles and author names. The queue's fields:
     * {@code dueWithinDays} keeps pending forecasts due by today plus that many days (overdue ones included);
     * {@code notJudgeableBy} leaves out those that user logged or corrected (they may not resolve them);
     * {@code withoutEvidence} keeps those with no evidence yet.
     */
    public record Filter(String author, String theme, String paper, ForecastStatus status, Boolean resolved,
                         LocalDate madeFrom, LocalDate madeTo, LocalDate resolveByFrom, LocalDate resolveByTo,
                         Boolean overdue, String text, Integer dueWithinDays, String notJudgeableBy, Boolean withoutEvidence) {

        public Filter(String author, String theme, String paper, ForecastStatus status, Boolean resolved,
                      LocalDate madeFrom, LocalDate madeTo, LocalDate resolveByFrom, LocalDate resolveByTo,
                      Boolean overdue, String text) {
            this(author, theme, paper, status, resolved, madeFrom, madeTo, resolveByFrom, resolveByTo, overdue, text, null, null, null);
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null, null, null, null);
        }

        public Filter withAuthor(String slug) {
            return new Filter(slug, theme, paper, status, resolved, madeFrom, madeTo, resolveByFrom, resolveByTo, overdue, text,
                    dueWithinDays, notJudgeableBy, withoutEvidence);
        }

        public Filter withTheme(String slug) {
            return new Filter(author, slug, paper, status, resolved, madeFrom, madeTo, resolveByFrom, resolveByTo, overdue, text,
                    dueWithinDays, notJudgeableBy, withoutEvidence);
        }

        public Filter withPaper(String slug) {
            return new Filter(author, theme, slug, status, resolved, madeFrom, madeTo, resolveByFrom, resolveByTo, overdue, text,
                    dueWithinDays, notJudgeableBy, withoutEvidence);
        }

        public Filter withResolved(Boolean value) {
            return new Filter(author, theme, paper, status, value, madeFrom, madeTo, resolveByFrom, resolveByTo, overdue, text,
                    dueWithinDays, notJudgeableBy, withoutEvidence);
        }

        /** The reviewers' queue: pending, due within the days, none that user may not judge. */
        public Filter dueFor(int days, String judge) {
            return new Filter(author, theme, paper, status, resolved, madeFrom, madeTo, resolveByFrom, resolveByTo, overdue, text,
                    days, judge, withoutEvidence);
        }

        public Filter withOverdueOnly() {
            return new Filter(author, theme, paper, status, resolved, madeFrom, madeTo, resolveByFrom, resolveByTo, true, text,
                    dueWithinDays, notJudgeableBy, withoutEvidence);
        }

        public Filter lackingEvidence() {
            return new Filter(author, theme, paper, status, resolved, madeFrom, madeTo, resolveByFrom, resolveByTo, overdue, text,
                    dueWithinDays, notJudgeableBy, true);
        }
    }
}
