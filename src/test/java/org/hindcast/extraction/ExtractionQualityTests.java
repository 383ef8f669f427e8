package org.hindcast.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.hindcast.papers.PublishedDate;
import org.hindcast.phrases.PhraseTables;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the extractor over the five papers and compares its candidates with the forecasts an editor logged
 * in forecasts/. A logged quote is found when a candidate's span overlaps its place in the text; a candidate
 * is right when it overlaps some logged quote.
 */
class ExtractionQualityTests {


    record Score(int quotes, int found, int candidates, int right) {
        double recall() {
            return quotes == 0 ? 1 : (double) found / quotes;
        }

        double precision() {
            return candidates == 0 ? 1 : (double) right / candidates;
        }
    }

    static Score measure(Extractor extractor, boolean print) throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        int quotes = 0;
        int found = 0;
        int candidates = 0;
        int right = 0;
        try (Stream<Path> files = Files.list(Path.of("forecasts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode doc = yaml.readTree(file.toFile());
                if (!doc.path("format").asText().equals("hindcast-paper/1")) {
                    continue;
                }
                String text = Files.readString(org.hindcast.testing.Papers.dir().resolve(doc.path("paper").path("sourceText").asText()));
                var published = PublishedDate.parse(doc.path("paper").path("published").asText()).date();
                List<Candidate> proposed = extractor.extract(text, published, doc.path("paper").path("title").asText());
                Set<String> logged = new LinkedHashSet<>();
                doc.path("forecasts").forEach(f -> logged.add(f.path("quote").asText()));
                List<int[]> spans = new ArrayList<>();
                for (String q : logged) {
                    int at = text.indexOf(q);
                    spans.add(new int[]{at, at + q.length()});
                }
                int paperFound = 0;
                for (int[] q : spans) {
                    if (proposed.stream().anyMatch(c -> c.start() < q[1] && q[0] < c.end())) {
                        paperFound++;
                    } else if (print) {
                        System.out.println("  missed: " + text.substring(q[0], Math.min(q[1], q[0] + 110)));
                    }
                }
                int paperRight = 0;
                for (Candidate c : proposed) {
                    if (spans.stream().anyMatch(q -> c.start() < q[1] && q[0] < c.end())) {
                        paperRight++;
                    } else if (print) {
                        System.out.println("  extra:  " + c.sentence().substring(0, Math.min(110, c.sentence().length())));
                    }
                }
                if (print) {
                    System.out.printf(Locale.ROOT, "%-55s logged %2d found %2d | candidates %2d right %2d%n",
                            file.getFileName(), logged.size(), paperFound, proposed.size(), paperRight);
                }
                quotes += logged.size();
                found += paperFound;
                candidates += proposed.size();
                right += paperRight;
            }
        }
        return new Score(quotes, found, candidates, right);
    }

    @Test
    void theExtractorFindsTheLoggedForecastsOfTheFivePapers() throws Exception {
        org.hindcast.testing.Papers.require("the extraction quality measure");
        Extractor extractor = new Extractor(PhraseTables.load("2026.1"), ExtractionRules.load(ExtractionRules.DEFAULT_VERSION));
        Score s = measure(extractor, true);
        System.out.printf(Locale.ROOT, "extraction quality: recall %.2f (%d of %d logged quotes), precision %.2f (%d of %d candidates)%n",
                s.recall(), s.found(), s.quotes(), s.precision(), s.right(), s.candidates());
        assertTrue(s.recall() >= 0.9, "recall goal 0.9, got " + s.recall());
        assertTrue(s.precision() >= 0.6, "precision goal 0.6, got " + s.precision());
    }
}
