package org.hindcast.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The extraction rules (src/main/resources/extraction/rules-*.yaml) compiled for use. Plain values. */
public record ExtractionRules(String version, List<Pattern> recommendations, List<Pattern> phraseExclusions,
                              List<Pattern> skipSentences, List<Pattern> thirdParty, List<Pattern> conditions,
                              List<DateRule> dates, int defaultMonths, String defaultNote, List<ThemeRule> themes,
                              Set<String> negatedPhrases, List<PrintedRule> printed, List<CueRule> cues) {

    /**
     * Wording that forecasts without a phrase of the table (2026.3): a sentence with it is a candidate whose probability
     * the editor sets, starting from {@code point}, for the {@code reading} given; {@code negated} when the wording
     * gives the probability of the outcome it denies ("pessimistic prospects for").
     */
    public record CueRule(Pattern pattern, double point, boolean negated, String reading) {
    }

    /** A probability the sentence prints: its number in group 1 (a percentage), or a fixed {@code value}. */
    public record PrintedRule(Pattern pattern, Double value) {
    }

    public enum DateKind { MONTH, YEAR, FIXED, RELATIVE, SEASON, PART, YEAR_END }

    public record DateRule(Pattern pattern, DateKind kind, String date, int months, int years, String basis, String note) {
    }

    public record ThemeRule(String theme, List<Pattern> all) {
    }

    public static final String DEFAULT_VERSION = "2026.3";

    public static ExtractionRules load(String version) {
        String path = "extraction/rules-" + version + ".yaml";
        try (InputStream in = ExtractionRules.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No extraction rules " + path);
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExtractionRules parse(JsonNode root) {
        List<DateRule> dates = new ArrayList<>();
        for (JsonNode d : root.path("dates")) {
            dates.add(new DateRule(compile(d.path("pattern").asText()),
                    DateKind.valueOf(d.path("kind").asText().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase()),
                    d.path("date").asText(null), d.path("months").asInt(0), d.path("years").asInt(0), d.path("basis").asText(),
                    d.path("note").asText()));
        }
        List<ThemeRule> themes = new ArrayList<>();
        for (JsonNode t : root.path("themes")) {
            themes.add(new ThemeRule(t.path("theme").asText(), patterns(t.path("all"))));
        }
        List<Pattern> thirdParty = new ArrayList<>();
        root.path("thirdParty").forEach(t -> thirdParty.add(compile(t.path("pattern").asText())));
        List<PrintedRule> printed = new ArrayList<>();
        root.path("printed").forEach(r -> printed.add(new PrintedRule(compile(r.path("pattern").asText()),
                r.hasNonNull("value") ? r.path("value").asDouble() : null)));
        List<CueRule> cues = new ArrayList<>();
        root.path("cues").forEach(c -> cues.add(new CueRule(compile(c.path("pattern").asText()), c.path("point").asDouble(),
                c.path("negated").asBoolean(false), c.path("reading").asText())));
        Set<String> negated = new java.util.HashSet<>();
        root.path("negatedPhrases").forEach(n -> negated.add(n.asText()));
        return new ExtractionRules(root.path("version").asText(), patterns(root.path("recommendations")),
                patterns(root.path("phraseExclusions")), patterns(root.path("skipSentences")), thirdParty,
                patterns(root.path("conditions")), dates, root.path("defaultHorizon").path("months").asInt(24),
                root.path("defaultHorizon").path("note").asText(), themes, negated, printed, cues);
    }

    private static List<Pattern> patterns(JsonNode list) {
        List<Pattern> out = new ArrayList<>();
        list.forEach(p -> out.add(compile(p.asText())));
        return out;
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
