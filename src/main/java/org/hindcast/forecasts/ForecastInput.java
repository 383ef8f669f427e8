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
    public record Filter(String author, String theme, String paper, ForecastStatus status, Boolean resolved,
                         LocalDate madeFrom, LocalDate madeTo, LocalDate resolveByFrom, LocalDate resolveByTo,
                         Boolean overdue, String text) {
    }
}
