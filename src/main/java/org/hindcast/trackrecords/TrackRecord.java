package org.hindcast.trackrecords;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * The track record of an author, a theme or a paper: its figures, the versions they were computed
 * with, and the breakdowns (an author's by theme and horizon, a theme's by author).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackRecord(
        Scope scope,
        String scoringVersion,
        String phraseTableVersion,
        List<String> phraseTableVersionsUsed,
        String brierScale,
        @JsonUnwrapped Figures figures,
        List<Breakdown> byTheme,
        List<Breakdown> byHorizon,
        List<Breakdown> byAuthor) {

    public static final String BRIER_SCALE = "Brier on the 0-1 scale: 0 best, 0.25 = always saying 50%";

    public record Scope(String kind, String slug, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Breakdown(String key, String name, @JsonUnwrapped Figures figures) {
    }
}
