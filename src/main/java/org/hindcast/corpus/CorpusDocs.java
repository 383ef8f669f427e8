package org.hindcast.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** The corpus file format (forecasts/README.md) as Java values: one paper file, and the theme file. */
public final class CorpusDocs {

    public static final String PAPER_FORMAT = "hindcast-paper/1";
    public static final String THEMES_FORMAT = "hindcast-themes/1";

    private CorpusDocs() {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"format", "paper", "forecasts"})
    public record PaperFile(String format, PaperDoc paper,
                            @JsonInclude(JsonInclude.Include.ALWAYS) List<ForecastDoc> forecasts) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"slug", "title", "publisher", "series", "url", "published", "language", "sourceText", "authors", "note"})
    public record PaperDoc(String slug, String title, String publisher, String series, String url, String published,
                           String language, String sourceText, List<AuthorDoc> authors, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"name", "slug", "displayName", "affiliation", "aliases"})
    public record AuthorDoc(String name, String slug, String displayName, String affiliation, List<String> aliases) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"key", "statement", "quote", "sameQuoteAs", "speaker", "thirdParty", "condition", "phrase", "probability",
            "probabilityBasis", "phraseTableVersion", "madeOn", "resolveBy", "resolveByBasis", "resolveByNote",
            "resolutionCriteria", "themes", "authors", "evidence", "resolution"})
    public record ForecastDoc(String key, String statement, String quote, String speaker, String thirdParty,
                              String condition, String phrase, Double probability, String probabilityBasis,
                              String phraseTableVersion, String madeOn, String resolveBy, String resolveByBasis,
                              String resolveByNote, String resolutionCriteria, List<String> themes,
                              List<String> authors, List<EvidenceDoc> evidence, ResolutionDoc resolution,
                              String sameQuoteAs) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"summary", "observedOn", "citedPaper", "citationUrl", "citationNote", "quote", "stance"})
    public record EvidenceDoc(String summary, String observedOn, @com.fasterxml.jackson.annotation.JsonAlias("citedSource") String citedPaper, String citationUrl,
                              String citationNote, String stance, String quote) {
        public EvidenceDoc(String summary, String observedOn, String citedPaper, String citationUrl, String citationNote, String stance) {
            this(summary, observedOn, citedPaper, citationUrl, citationNote, stance, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"outcome", "credit", "resolvedOn", "rationale"})
    public record ResolutionDoc(String outcome, Double credit, String resolvedOn, String rationale) {
    }

    @JsonPropertyOrder({"format", "themes"})
    public record ThemesFile(String format, List<ThemeDoc> themes) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"slug", "name", "parent"})
    public record ThemeDoc(String slug, String name, String parent) {
    }
}
