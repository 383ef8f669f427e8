package org.hindcast.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the corpus files themselves: every quote verbatim in its paper, no recommendations, several dozen forecasts. */
class CorpusFilesTests {

    private static final Path CORPUS = Path.of("forecasts");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<JsonNode> paperFiles() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode doc = YAML.readTree(p.toFile());
                if (doc.path("format").asText().equals("hindcast-paper/1")) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    @Test
    void everyQuoteOccursExactlyInItsPapersText() throws Exception {
        Path papers = org.hindcast.testing.Papers.require("the quote check");
        int checked = 0;
        List<String> missing = new ArrayList<>();
        for (JsonNode doc : paperFiles()) {
            String textFile = doc.path("paper").path("sourceText").asText();
            String text = Files.readString(papers.resolve(textFile));
            for (JsonNode f : doc.path("forecasts")) {
                checked++;
                if (!text.contains(f.path("quote").asText())) {
                    missing.add(textFile + " / " + f.path("key").asText());
                }
            }
        }
        assertEquals(List.of(), missing, "quotes not found verbatim in their paper");
        assertTrue(checked >= 36, "several dozen forecasts, found " + checked);
    }

    @Test
    void theFivePapersAreAllThereAndEachHasForecasts() throws Exception {
        List<JsonNode> docs = paperFiles();
        assertEquals(5, docs.size());
        for (JsonNode doc : docs) {
            assertTrue(doc.path("forecasts").size() >= 5, doc.path("paper").path("slug").asText());
        }
        long month = docs.stream().filter(d -> d.path("paper").path("published").asText().matches("\\d{4}-\\d{2}")).count();
        assertEquals(2, month, "two papers print only the month");
    }

    @Test
    void recommendationsAreNotLoggedAsForecasts() throws Exception {
        for (JsonNode doc : paperFiles()) {
            for (JsonNode f : doc.path("forecasts")) {
                // "South Korea should ..." advises; it predicts nothing. (A forecast about what China will argue
                // that South Korea must do is still a forecast about China.)
                String statement = f.path("statement").asText().toLowerCase(Locale.ROOT);
                String quote = f.path("quote").asText().toLowerCase(Locale.ROOT);
                for (String text : List.of(statement, quote)) {
                    assertTrue(!text.matches("^(first, |second, |third, )?(south korea|seoul|the (south )?korean government) (should|must|needs to) .*"),
                            "a recommendation is not a forecast: " + f.path("key").asText());
                }
            }
        }
    }

    @Test
    void thirdPartyAndConditionalForecastsAreMarked() throws Exception {
        int thirdParty = 0;
        int conditional = 0;
        for (JsonNode doc : paperFiles()) {
            for (JsonNode f : doc.path("forecasts")) {
                if (f.path("speaker").asText().equals("THIRD_PARTY")) {
                    thirdParty++;
                    assertTrue(f.hasNonNull("thirdParty"));
                }
                if (f.path("quote").asText().startsWith("If ") || f.path("quote").asText().contains(", if ")) {
                    assertTrue(f.hasNonNull("condition"), "conditional without its condition: " + f.path("key").asText());
                }
                if (f.hasNonNull("condition")) {
                    conditional++;
                }
            }
        }
        assertTrue(thirdParty >= 5, "media, pessimists, observers: " + thirdParty);
        assertTrue(conditional >= 5, "conditional forecasts: " + conditional);
    }
}
