package org.hindcast.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.hindcast.forecasts.ForecastRules;
import org.hindcast.papers.PublishedDate;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus's own rule: evidence and verdicts stand only on what the five papers print. Every date and every quoted
 * fragment in an evidence entry (summary, citation note, quote) and in a verdict's rationale must be found in the paper
 * the evidence cites (a rationale may also quote the forecast's own paper); every cited paper is later than the
 * forecast; a verdict is dated by a paper of the corpus. Needs the papers' texts (docs/testing.md).
 */
class CorpusOutsideFactsTests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(" + MONTHS + ") (\\d{1,2})\\b(?!,? \\d{4})|\\b(\\d{1,2}) (" + MONTHS + ")\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b(" + MONTHS + ") (\\d{4})\\b");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d-])(19|20)\\d{2}(?![\\d-])");
    /** A fragment in single or double quotes, curly quotes folded to straight ones first; an apostrophe inside a word is no quote. */
    private static final Pattern QUOTED = Pattern.compile("(?<![\\w])'(?=\\S)(.+?)(?<=\\S)'(?![\\w])|\"(?=\\S)(.+?)(?<=\\S)\"");

    record PaperDoc(String slug, PublishedDate published, String text) {
        LocalDate first() {
            return published.date();
        }

        LocalDate last() {
            return ForecastRules.periodEnd(published);
        }
    }

    /** Straight quotes for curly ones, one space for any run of spaces, lower case: how fragments are compared. */
    static String fold(String s) {
        return s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The quoted fragments of a text, each split at an ellipsis into the parts that must be printed. */
    static List<String> fragments(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(fold(text));
        while (m.find()) {
            String fragment = m.group(1) != null ? m.group(1) : m.group(2);
            for (String part : fragment.split("\\.\\.\\.|\u2026")) {
                String p = part.strip();
                if (p.length() > 2) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** The dates a text names, as it writes them: 2025-10-30, "October 30", "May 2024", "2024". */
    static List<String> dates(String text) {
        List<String> out = new ArrayList<>();
        String rest = text;
        for (Pattern p : List.of(ISO, MONTH_YEAR, MONTH_DAY)) {
            Matcher m = p.matcher(rest);
            while (m.find()) {
                out.add(m.group());
            }
            rest = p.matcher(rest).replaceAll(" ");
        }
        Matcher y = YEAR.matcher(rest);
        while (y.find()) {
            out.add(y.group());
        }
        return out;
    }

    private static String monthName(int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** Whether a paper prints the day: "October 30" or "30 October" in its own year or the year before, or the day is its date. */
    static boolean printsDay(PaperDoc p, LocalDate d) {
        if (p.published().precision() == org.hindcast.papers.DatePrecision.DAY && p.first().equals(d)) {
            return true;
        }
        String month = monthName(d.getMonthValue());
        boolean yearFits = d.getYear() == p.first().getYear() || d.getYear() == p.first().getYear() - 1;
        return yearFits && Pattern.compile("\\b" + month + " " + d.getDayOfMonth() + "\\b|\\b" + d.getDayOfMonth() + " " + month + "\\b")
                .matcher(p.text()).find();
    }

    /** Whether a paper prints the month of that year ("May 2024", or "May" in a paper of that year), or is itself of it. */
    static boolean printsMonth(PaperDoc p, int year, int month) {
        if (p.first().getYear() == year && p.first().getMonthValue() == month) {
            return true;
        }
        String name = monthName(month);
        return p.text().contains(name + " " + year)
                || (p.first().getYear() == year && Pattern.compile("\\b" + name + "\\b").matcher(p.text()).find());
    }

    /**
     * A stand-in the corpus's rule allows for a date the paper gives less precisely than a day: the paper's own date (or
     * its period's first or last day), or the first or last day of a month the paper prints. The evidence says so.
     */
    static boolean standIn(PaperDoc p, LocalDate d) {
        if (d.equals(p.first()) || d.equals(p.last())) {
            return true;
        }
        boolean monthEdge = d.getDayOfMonth() == 1 || d.equals(d.withDayOfMonth(d.lengthOfMonth()));
        return monthEdge && printsMonth(p, d.getYear(), d.getMonthValue());
    }

    /** A date stands on the paper when the paper prints the day, or when it is an allowed stand-in. */
    static boolean standsOn(PaperDoc p, LocalDate d) {
        return printsDay(p, d) || standIn(p, d);
    }

    /** Whether a date as a text writes it is printed in (or stands on) one of the papers. */
    static boolean named(String written, List<PaperDoc> papers, Set<LocalDate> ownDates) {
        Matcher iso = ISO.matcher(written);
        if (iso.matches()) {
            LocalDate d = LocalDate.parse(written);
            return ownDates.contains(d) || papers.stream().anyMatch(p -> standsOn(p, d));
        }
        if (YEAR.matcher(written).matches()) {
            return papers.stream().anyMatch(p -> p.text().contains(written) || Integer.toString(p.first().getYear()).equals(written));
        }
        Matcher my = MONTH_YEAR.matcher(written);
        if (my.matches()) {
            int month = Month.valueOf(my.group(1).toUpperCase(Locale.ROOT)).getValue();
            return papers.stream().anyMatch(p -> printsMonth(p, Integer.parseInt(my.group(2)), month));
        }
        return papers.stream().anyMatch(p -> p.text().contains(written));
    }

    static Map<String, PaperDoc> papers(Path texts, List<JsonNode> docs) throws Exception {
        Map<String, PaperDoc> bySlug = new HashMap<>();
        for (JsonNode doc : docs) {
            JsonNode paper = doc.path("paper");
            bySlug.put(paper.path("slug").asText(), new PaperDoc(paper.path("slug").asText(),
                    PublishedDate.parse(paper.path("published").asText()),
                    Files.readString(texts.resolve(paper.path("sourceText").asText()))));
        }
        return bySlug;
    }

    static List<JsonNode> paperFiles() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("forecasts"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode doc = YAML.readTree(p.toFile());
                if (doc.path("format").asText().equals("hindcast-paper/1")) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    /** Everything the check finds wrong in the corpus files, one line each. */
    static List<String> outsideFacts(Map<String, PaperDoc> bySlug, List<JsonNode> docs) {
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : docs) {
            PaperDoc own = bySlug.get(doc.path("paper").path("slug").asText());
            for (JsonNode f : doc.path("forecasts")) {
                String where = own.slug() + " / " + f.path("key").asText();
                LocalDate madeOn = f.hasNonNull("madeOn") ? LocalDate.parse(f.path("madeOn").asText()) : own.last();
                Set<LocalDate> ownDates = Set.of(madeOn, LocalDate.parse(f.path("resolveBy").asText()));
                Set<PaperDoc> cited = new LinkedHashSet<>();
                for (JsonNode e : f.path("evidence")) {
                    String slug = e.hasNonNull("citedPaper") ? e.path("citedPaper").asText() : e.path("citedSource").asText(null);
                    if (slug == null) {
                        problems.add(where + ": evidence without a paper of the corpus (" + e.path("citationUrl").asText() + ")");
                        continue;
                    }
                    PaperDoc p = bySlug.get(slug);
                    if (p == null) {
                        problems.add(where + ": cites '" + slug + "', which is not a paper of the corpus");
                        continue;
                    }
                    cited.add(p);
                    if (!p.first().isAfter(madeOn)) {
                        problems.add(where + ": cites " + slug + " (" + p.published().text() + "), not later than the forecast (" + madeOn + ")");
                    }
                    LocalDate observed = LocalDate.parse(e.path("observedOn").asText());
                    if (!standsOn(p, observed)) {
                        problems.add(where + ": observedOn " + observed + " is not printed in " + slug);
                    } else if (!printsDay(p, observed) && !e.path("citationNote").asText("").contains("stands in")) {
                        problems.add(where + ": observedOn " + observed + " stands in for a date " + slug
                                + " gives less precisely, and the citation note does not say so");
                    }
                    if (e.hasNonNull("quote") && !fold(p.text()).contains(fold(e.path("quote").asText()))) {
                        problems.add(where + ": the evidence quote is not in " + slug);
                    }
                    for (String field : List.of("summary", "citationNote")) {
                        String text = e.path(field).asText("");
                        for (String fragment : fragments(text)) {
                            // the cited paper's words, or the forecast's own that the evidence is weighed against
                            if (!fold(p.text()).contains(fragment) && !fold(own.text()).contains(fragment)) {
                                problems.add(where + ": evidence " + field + " quotes '" + fragment + "', not in " + slug);
                            }
                        }
                        for (String date : dates(text)) {
                            if (!named(date, List.of(p), ownDates)) {
                                problems.add(where + ": evidence " + field + " names " + date + ", not printed in " + slug);
                            }
                        }
                    }
                }
                JsonNode r = f.path("resolution");
                if (r.isMissingNode()) {
                    continue;
                }
                List<PaperDoc> sources = new ArrayList<>(cited);
                String rationale = r.path("rationale").asText();
                List<PaperDoc> quotable = new ArrayList<>(sources);
                quotable.add(own);
                for (String fragment : fragments(rationale)) {
                    if (quotable.stream().noneMatch(p -> fold(p.text()).contains(fragment))) {
                        problems.add(where + ": the rationale quotes '" + fragment + "', printed in no paper it cites");
                    }
                }
                for (String date : dates(rationale)) {
                    if (!named(date, quotable, ownDates) && bySlug.values().stream().noneMatch(p -> p.first().toString().equals(date))) {
                        problems.add(where + ": the rationale names " + date + ", printed in no paper it cites");
                    }
                }
                LocalDate resolvedOn = LocalDate.parse(r.path("resolvedOn").asText());
                List<PaperDoc> dating = sources.isEmpty() ? new ArrayList<>(bySlug.values()) : sources;
                if (dating.stream().noneMatch(p -> p.first().equals(resolvedOn) || p.last().equals(resolvedOn))) {
                    problems.add(where + ": resolved on " + resolvedOn + ", the date of no paper " + (sources.isEmpty()
                            ? "of the corpus" : "it cites"));
                }
            }
        }
        return problems;
    }

    @Test
    void everyDateAndQuotedFragmentInEvidenceAndVerdictsIsPrintedInTheCitedPaper() throws Exception {
        Path texts = org.hindcast.testing.Papers.require("the outside-facts check");
        List<JsonNode> docs = paperFiles();
        Map<String, PaperDoc> bySlug = papers(texts, docs);
        assertEquals(List.of(), outsideFacts(bySlug, docs));
        long withEvidence = docs.stream().flatMap(d -> java.util.stream.StreamSupport.stream(d.path("forecasts").spliterator(), false))
                .filter(f -> f.path("evidence").size() > 0).count();
        assertTrue(withEvidence >= 30, "the check looked at " + withEvidence + " forecasts with evidence");
    }

    @Test
    void theCheckFindsTheOutsideFactsTheSecondReadingFound() throws Exception {
        // The four findings of the second reading, put back into a copy of the corpus: each is reported.
        Path texts = org.hindcast.testing.Papers.require("the outside-facts check");
        List<JsonNode> docs = paperFiles();
        Map<String, PaperDoc> bySlug = papers(texts, docs);
        PaperDoc summit = bySlug.get("asan-2025-11-south-korea-china-summit");
        assertTrue(!standsOn(summit, LocalDate.parse("2025-09-03")), "the parade's date is not printed");
        assertTrue(!printsDay(summit, LocalDate.parse("2025-10-31")), "nor is a day for the launches during APEC");
        assertTrue(standIn(summit, LocalDate.parse("2025-10-31")), "only as the last day of the printed 'late October'");
        assertTrue(standsOn(summit, LocalDate.parse("2025-10-30")), "'On October 30' is printed");
        assertTrue(standsOn(summit, LocalDate.parse("2025-11-01")), "'on November 1' is printed");
        PaperDoc rapprochement = bySlug.get("asan-2024-12-rok-china-rapprochement");
        assertTrue(!standsOn(rapprochement, LocalDate.parse("2024-05-27")), "only 'May 2024' is printed");
        assertTrue(standsOn(rapprochement, LocalDate.parse("2024-05-31")), "the printed month's last day stands in");
        assertEquals(List.of("the apec week ran from late october into 1 november"),
                fragments("It says 'The APEC week ran from late October into 1 November' and China's view."));
        assertTrue(!named("September 2025", List.of(summit), Set.of()), "'September 2025' is not printed");
        assertTrue(named("October 30", List.of(summit), Set.of()));
        assertTrue(!fold(summit.text()).contains(fragments("'The APEC week ran from late October into 1 November'").get(0)));

        // The corpus as it stood before the second pass, rebuilt from these files: each finding is reported.
        List<JsonNode> before = paperFiles();
        JsonNode provocation = find(before, "north-korea-provocation-for-bargaining");
        ((com.fasterxml.jackson.databind.node.ObjectNode) provocation.path("evidence").get(0)).put("observedOn", "2025-10-31")
                .put("citationNote", "'Policy Implications', the paragraph beginning 'First, when strengthening'");
        JsonNode xi = find(before, "xi-visits-korea-apec-2025");
        ((com.fasterxml.jackson.databind.node.ObjectNode) xi.path("resolution")).put("rationale",
                "Xi Jinping made a state visit on 2025-10-30. The APEC week ran from late October into 1 November.");
        JsonNode distancing = find(before, "china-distances-from-north-korea");
        ((com.fasterxml.jackson.databind.node.ObjectNode) distancing.path("evidence").get(0)).put("observedOn", "2025-09-03");
        ((com.fasterxml.jackson.databind.node.ObjectNode) distancing.path("resolution")).put("rationale",
                "China hosted Kim Jong-un at its September 2025 Victory Day parade.");
        List<String> found = outsideFacts(bySlug, before);
        assertTrue(found.stream().anyMatch(m -> m.contains("north-korea-provocation-for-bargaining: observedOn 2025-10-31 stands in")), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.contains("xi-visits-korea-apec-2025: the rationale quotes") || m.contains("xi-visits-korea-apec-2025: the rationale names 1 November")), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.contains("china-distances-from-north-korea: observedOn 2025-09-03 is not printed")), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.contains("china-distances-from-north-korea: the rationale names September 2025")), found.toString());
    }

    private static JsonNode find(List<JsonNode> docs, String key) {
        for (JsonNode doc : docs) {
            for (JsonNode f : doc.path("forecasts")) {
                if (f.path("key").asText().equals(key)) {
                    return f;
                }
            }
        }
        throw new AssertionError("no forecast " + key);
    }
}
