package org.hindcast.evidencefinder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.extraction.Sentences;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Papers;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence finder measured on the corpus: every piece of evidence in forecasts/ that quotes a later paper of the
 * corpus is a link (forecast, paper, sentence). With the papers' texts attached and the forecasts read as if still
 * pending and without their evidence, where does the finder rank the recorded sentence among its proposals for that
 * forecast? Beside it, on the same measure, PostgreSQL's own ranking (ts_rank_cd of each sentence against the
 * forecast's words OR'ed), and the finder's parts alone: words only, and meaning only (the cosine of the sentence
 * model's embeddings), and the finder at other weights and at its former bar. The test prints them all, checks that the
 * finder's setting is the better on both counts and that meaning adds to words, and holds the finder to its measured
 * level: the corpus's second pass (issue 19) grew the links from 12 to 53, and the finder ranks the recorded sentence
 * first for 17 and within its top 5 for 29 (with the rule for a premise a later paper calls "former"). Issue 17's goal (90% and 60%) is not reached (docs/evidence-finder.md
 * says which links no approach here finds).
 */
@QuarkusTest
class EvidenceFinderQualityTests {

    @Inject
    EvidenceFinderService finder;

    @Inject
    Ledger ledger;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    record Link(String forecastPaper, String key, long forecastId, String citedPaper, String quote) {
    }

    static String squeeze(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }

    List<Link> links() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Link> links = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("forecasts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode doc = yaml.readTree(file.toFile());
                if (!doc.path("format").asText().equals("hindcast-paper/1")) {
                    continue;
                }
                String slug = doc.path("paper").path("slug").asText();
                for (JsonNode f : doc.path("forecasts")) {
                    for (JsonNode e : f.path("evidence")) {
                        if (e.hasNonNull("citedPaper") && e.hasNonNull("quote")) {
                            long id = ((Number) ledger.scalar("select f.id from forecast f join paper p on p.id = f.paper_id "
                                    + "where p.slug = ? and f.corpus_key = ?", slug, f.path("key").asText())).longValue();
                            links.add(new Link(slug, f.path("key").asText(), id, e.path("citedPaper").asText(), e.path("quote").asText()));
                        }
                    }
                }
            }
        }
        return links;
    }

    /** The corpus's papers with their texts attached, as an editor would attach them. */
    Map<String, String> attachTexts() throws Exception {
        Path dir = Papers.require("measuring the evidence finder");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, String> texts = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("forecasts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode doc = yaml.readTree(file.toFile());
                if (doc.path("paper").hasNonNull("sourceText")) {
                    String slug = doc.path("paper").path("slug").asText();
                    String text = Files.readString(dir.resolve(doc.path("paper").path("sourceText").asText()));
                    as("editor").contentType("text/plain; charset=UTF-8").body(text).post("/api/papers/" + slug + "/text").then().statusCode(200);
                    texts.put(slug, text);
                }
            }
        }
        return texts;
    }

    /** PostgreSQL's ranking of the paper's sentences for a forecast: ts_rank_cd against its words OR'ed. */
    List<String> postgresRanking(String text, long forecastId) throws Exception {
        List<String> sentences = Sentences.split(text).stream().map(Sentences.Span::text).filter(s -> s.chars().anyMatch(Character::isLetter)).toList();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     with q as (select to_tsquery('english', string_agg(quote_literal(l), ' | ')) as q
                                from forecast f, unnest(tsvector_to_array(f.search)) l where f.id = ?)
                     select s from unnest(?::text[]) with ordinality u(s, i), q
                     where to_tsvector('english', s) @@ q.q
                     order by ts_rank_cd(to_tsvector('english', s), q.q) desc, i""")) {
            st.setLong(1, forecastId);
            st.setArray(2, c.createArrayOf("text", sentences.toArray()));
            List<String> ranked = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ranked.add(rs.getString(1));
                }
            }
            return ranked;
        }
    }

    static int rank(List<String> ranked, String quote) {
        String q = squeeze(quote);
        for (int i = 0; i < ranked.size(); i++) {
            if (squeeze(ranked.get(i)).equals(q)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** What one approach scored on the links: where each link's sentence ranked, and the counts. */
    record Measure(String approach, List<Integer> ranks) {
        int top(int n) {
            return (int) ranks.stream().filter(r -> r >= 1 && r <= n).count();
        }

        String line(int links) {
            return String.format(Locale.ROOT, "%-44s top 1 %2d/%d (%3.0f%%), top 5 %2d/%d (%3.0f%%)", approach, top(1), links,
                    100.0 * top(1) / links, top(5), links, 100.0 * top(5) / links);
        }
    }

    /** The finder with another bar for a sentence's score, at its own weight. */
    Measure finderWithBar(String approach, double bar, List<Link> links) throws Exception {
        double old = finder.minScore(bar);
        try {
            return finderWith(approach, EvidenceFinderService.MEANING_WEIGHT, links);
        } finally {
            finder.minScore(old);
        }
    }

    Measure finderWith(String approach, double meaningWeight, List<Link> links) {
        double old = finder.meaningWeight(meaningWeight);
        try {
            List<Integer> ranks = new ArrayList<>();
            for (Link l : links) {
                EvidenceFinderService.Found found = finder.find(l.citedPaper(), 100, true, l.forecastId());
                ranks.add(rank(found.proposals().stream().map(EvidenceFinderService.ProposalView::sentence).toList(), l.quote()));
            }
            return new Measure(approach, ranks);
        } finally {
            finder.meaningWeight(old);
        }
    }

    @Test
    void wordsAndMeaningTogetherRankTheCorpusEvidenceBetterThanEitherAloneOrPostgresRanking() throws Exception {
        as("admin").post("/api/admin/corpus/import").then().statusCode(200);
        Staff.ensure();
        Map<String, String> texts = attachTexts();
        List<Link> links = links();
        assertTrue(links.size() >= 12, links.size() + " links");
        List<Integer> pg = new ArrayList<>();
        for (Link l : links) {
            pg.add(rank(postgresRanking(texts.get(l.citedPaper()), l.forecastId()), l.quote()));
        }
        List<Measure> measures = List.of(
                finderWith("words and meaning (the finder: weight 0.5, bar 0.25)", EvidenceFinderService.MEANING_WEIGHT, links),
                finderWithBar("words and meaning, bar 0.35 (until 2026-12)", 0.35, links),
                finderWith("words and meaning, weight 0.3", 0.3, links),
                finderWith("words and meaning, weight 0.7", 0.7, links),
                finderWith("meaning alone (all-MiniLM-L6-v2 cosine)", 1.0, links),
                finderWith("words alone (rarity-weighted coverage, BM25)", 0.0, links),
                new Measure("PostgreSQL ts_rank_cd, words OR'ed", pg));
        int n = links.size();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-46s %-40s", "forecast", "cited paper"));
        measures.forEach(m -> table.append(String.format(Locale.ROOT, " %6s", "#" + (measures.indexOf(m) + 1))));
        table.append('\n');
        for (int i = 0; i < n; i++) {
            table.append(String.format(Locale.ROOT, "%-46s %-40s", links.get(i).key(), links.get(i).citedPaper()));
            for (Measure m : measures) {
                int r = m.ranks().get(i);
                table.append(String.format(Locale.ROOT, " %6s", r == 0 ? "-" : String.valueOf(r)));
            }
            table.append('\n');
        }
        for (Measure m : measures) {
            table.append('#').append(measures.indexOf(m) + 1).append(' ').append(m.line(n)).append('\n');
        }
        System.out.print("Evidence finder on the corpus's links (rank of the recorded sentence; - not proposed)\n" + table);
        Measure chosen = measures.get(0);
        Measure words = measures.get(5);
        assertTrue(chosen.top(5) >= 29, "top 5 for 29 links of 53 at least, as measured\n" + table);
        assertTrue(chosen.top(1) >= 17, "first for 17 links of 53 at least, as measured\n" + table);
        for (Measure other : measures.subList(1, measures.size())) {
            assertTrue(chosen.top(5) >= other.top(5) && chosen.top(1) >= other.top(1), "the finder's approach is the better one\n" + table);
        }
        assertTrue(chosen.top(5) + chosen.top(1) > words.top(5) + words.top(1), "meaning adds to words\n" + table);
    }
}
