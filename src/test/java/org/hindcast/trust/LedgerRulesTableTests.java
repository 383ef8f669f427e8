package org.hindcast.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.corpus.CorpusImporter;
import org.hindcast.corpus.CorpusSource;
import org.hindcast.corpus.ImportReport;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.PageSession;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One table of bad forecasts, fed through every door a forecast has: the JSON API, the staff page's form, a
 * corpus file imported on its own (the per-file path) and the same files imported together (the bulk path).
 * Each door must refuse each row, naming the same field, and write nothing.
 */
@QuarkusTest
class LedgerRulesTableTests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Inject
    Ledger ledger;

    @Inject
    CorpusImporter importer;

    /** A bad input: the field the refusal must name, the change to a valid forecast, and the doors it applies to. */
    record Row(String name, String field, Consumer<Map<String, Object>> change, boolean onThePage) {
    }

    private static Row row(String name, String field, Consumer<Map<String, Object>> change) {
        return new Row(name, field, change, true);
    }

    private static Row apiAndImports(String name, String field, Consumer<Map<String, Object>> change) {
        return new Row(name, field, change, false);
    }

    static final List<Row> ROWS = List.of(
            row("empty statement", "statement", f -> f.put("statement", "")),
            row("blank statement", "statement", f -> f.put("statement", "   ")),
            row("statement too long", "statement", f -> f.put("statement", "s".repeat(2001))),
            row("NUL in the statement", "statement", f -> f.put("statement", "Xi visits\u0000 Seoul.")),
            row("empty quote", "quote", f -> f.put("quote", "")),
            row("quote too long", "quote", f -> f.put("quote", "Xi is expected to " + "q".repeat(4000))),
            row("NUL in the quote", "quote", f -> f.put("quote", "Xi is expected to visit\u0000 Seoul.")),
            row("phrase not in the quote", "phrase", f -> f.put("phrase", "almost certainly")),
            row("phrase too long", "phrase", f -> f.put("phrase", "p".repeat(201))),
            row("probability 0", "probability", f -> editorProbability(f, 0.0)),
            row("probability 1", "probability", f -> editorProbability(f, 1.0)),
            row("probability above 1", "probability", f -> editorProbability(f, 1.5)),
            row("negative probability", "probability", f -> editorProbability(f, -0.2)),
            row("unknown probability basis", "probabilityBasis", f -> {
                editorProbability(f, 0.6);
                f.put("probabilityBasis", "GUESS");
            }),
            row("resolve-by before made-on", "resolveBy", f -> f.put("resolveBy", "2020-01-01")),
            row("resolve-by not a date", "resolveBy", f -> f.put("resolveBy", "2025-02-30")),
            row("resolve-by missing", "resolveBy", f -> f.remove("resolveBy")),
            row("resolve-by in another century", "resolveBy", f -> f.put("resolveBy", "1999-12-31")),
            row("unknown resolve-by basis", "resolveByBasis", f -> f.put("resolveByBasis", "MAYBE")),
            row("resolve-by basis missing", "resolveByBasis", f -> f.remove("resolveByBasis")),
            row("inferred date without a note", "resolveByNote", f -> f.put("resolveByBasis", "INFERRED")),
            row("editor's date without a note", "resolveByNote", f -> f.put("resolveByBasis", "EDITOR")),
            row("note too long", "resolveByNote", f -> {
                f.put("resolveByBasis", "INFERRED");
                f.put("resolveByNote", "n".repeat(1001));
            }),
            row("no themes", "themes", f -> f.put("themes", List.of())),
            row("unknown theme", "themes", f -> f.put("themes", List.of("no-such-theme"))),
            row("too many themes", "themes", f -> f.put("themes", Collections.nCopies(21, "taiwan"))),
            row("made-on before the paper", "madeOn", f -> f.put("madeOn", "2020-01-01")),
            row("made-on after the paper's date", "madeOn", f -> f.put("madeOn", "2024-11-20")),
            row("made-on not a date", "madeOn", f -> f.put("madeOn", "2024-13-01")),
            row("third party unnamed", "thirdParty", f -> f.put("speaker", "THIRD_PARTY")),
            row("third party named for the authors", "thirdParty", f -> f.put("thirdParty", "Pessimists")),
            row("third party name too long", "thirdParty", f -> {
                f.put("speaker", "THIRD_PARTY");
                f.put("thirdParty", "t".repeat(301));
            }),
            row("unknown speaker", "speaker", f -> f.put("speaker", "NOBODY")),
            row("condition too long", "condition", f -> f.put("condition", "c".repeat(2001))),
            row("NUL in the condition", "condition", f -> f.put("condition", "If\u0000 war")),
            row("criteria too long", "resolutionCriteria", f -> f.put("resolutionCriteria", "r".repeat(2001))),
            row("NUL in the criteria", "resolutionCriteria", f -> f.put("resolutionCriteria", "Xi\u0000 comes")),
            apiAndImports("unknown author", "authors", f -> f.put("authors", List.of("no-such-author"))),
            apiAndImports("authors for a third party", "authors", f -> {
                f.put("speaker", "THIRD_PARTY");
                f.put("thirdParty", "Pessimists");
                f.put("authors", List.of("lee-dong-gyu"));
            }),
            row("blank theme", "themes", f -> f.put("themes", List.of(""))));

    private static void editorProbability(Map<String, Object> f, double p) {
        f.remove("phrase");
        f.put("probability", p);
        f.put("probabilityBasis", "EDITOR");
    }

    /** A forecast every door accepts: each row of the tables changes one thing of it. */
    static Map<String, Object> valid() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("statement", "Xi Jinping visits South Korea for the APEC summit in November 2025.");
        f.put("quote", "Xi Jinping is expected to visit South Korea during the APEC in November 2025.");
        f.put("phrase", "is expected to");
        f.put("resolveBy", "2025-11-30");
        f.put("resolveByBasis", "STATED");
        f.put("themes", List.of("taiwan"));
        return f;
    }

    private static String base(String field) {
        int cut = field.indexOf('[');
        return cut > 0 ? field.substring(0, cut) : field;
    }

    /** A corpus file of one paper with this one forecast (keyed "k"). */
    static String paperFile(String slug, Map<String, Object> forecast) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "hindcast-paper/1");
        doc.put("paper", Map.of("slug", slug, "title", "Rules table " + slug, "publisher", "Test", "published", "2024-11-13",
                "authors", List.of(Map.of("name", "Rules Table Author", "slug", "rules-table-author"))));
        Map<String, Object> f = new LinkedHashMap<>(forecast);
        f.put("key", "k");
        doc.put("forecasts", List.of(f));
        return YAML.writeValueAsString(doc);
    }

    @Test
    void everyDoorRefusesEveryRowOfTheTableNamingTheSameFieldAndWritesNothing() throws Exception {
        as("admin").post("/api/admin/corpus/import").then().statusCode(200);
        Staff.ensure();
        assertEquals(true, ROWS.size() >= 40, ROWS.size() + " rows");
        String paper = Ledger.paper("2024-11-13", "Rules Table Page Author");
        PageSession editor = PageSession.reader();
        editor.signIn("editor", Staff.PASSWORD);
        var before = ledger.counts();
        List<String> wrong = new ArrayList<>();
        List<CorpusSource.Entry> files = new ArrayList<>();
        Map<String, Row> byFile = new HashMap<>();
        for (int i = 0; i < ROWS.size(); i++) {
            Row r = ROWS.get(i);
            Map<String, Object> f = valid();
            r.change().accept(f);

            // the JSON API
            Map<String, Object> api = new LinkedHashMap<>(f);
            api.put("paper", paper);
            var answer = as("editor2").body(api).post("/api/forecasts");
            List<String> fields = answer.statusCode() >= 400 && answer.statusCode() < 500
                    ? answer.jsonPath().getList("errors.field", String.class) : List.of();
            if (fields == null || fields.stream().noneMatch(x -> base(x).equals(r.field()))) {
                wrong.add("API, " + r.name() + ": " + answer.statusCode() + " " + fields + " " + answer.jsonPath().getString("detail"));
            }

            // the staff page's form
            if (r.onThePage()) {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("paper", paper);
                form.put("action", "save");
                f.forEach((k, v) -> {
                    if (!k.equals("themes")) {
                        form.put(k, String.valueOf(v));
                    }
                });
                var spec = editor.request().contentType("application/x-www-form-urlencoded").formParam("csrf", editor.cookie("hindcast-csrf"));
                form.forEach(spec::formParam);
                @SuppressWarnings("unchecked")
                List<Object> themes = (List<Object>) f.getOrDefault("themes", List.of());
                for (Object t : themes) {
                    spec.formParam("themes", String.valueOf(t));
                }
                var page = spec.post("/staff/forecasts");
                if (page.statusCode() != 400 || !page.asString().contains("id=\"" + base(r.field()) + "-error\"")) {
                    wrong.add("page, " + r.name() + ": " + page.statusCode());
                }
            }

            // one corpus file on its own: the per-file path
            String slug = "rules-table-" + i + "-" + Ledger.unique("r");
            String yaml = paperFile(slug, f);
            ImportReport.FileResult alone = importer.importAll("admin", List.of(new CorpusSource.Entry(slug + ".yaml",
                    yaml.getBytes(StandardCharsets.UTF_8)))).files().get(0);
            if (alone.outcome() != ImportReport.Outcome.REFUSED
                    || alone.errors().stream().noneMatch(e -> base(e.field()).equals("$.forecasts[0]." + base(r.field()))
                    || e.field().equals("$.forecasts[0]." + r.field()) || e.field().startsWith("$.forecasts[0]." + r.field()))) {
                wrong.add("import, " + r.name() + ": " + alone.outcome() + " " + alone.errors());
            }
            String bulkSlug = slug + "-bulk";
            files.add(new CorpusSource.Entry(bulkSlug + ".yaml", paperFile(bulkSlug, f).getBytes(StandardCharsets.UTF_8)));
            byFile.put(bulkSlug + ".yaml", r);
        }
        // all of them at once: more than the bulk path's threshold, so each is checked by the bulk loader first
        ImportReport together = importer.importAll("admin", files);
        for (ImportReport.FileResult result : together.files()) {
            Row r = byFile.get(result.file());
            if (result.outcome() != ImportReport.Outcome.REFUSED || result.errors().stream()
                    .noneMatch(e -> e.field().startsWith("$.forecasts[0]." + r.field()))) {
                wrong.add("bulk import, " + r.name() + ": " + result.outcome() + " " + result.errors());
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " door/row pairs misbehaved");
        var after = ledger.counts();
        after.remove("audit_entry");
        before.remove("audit_entry");
        assertEquals(before, after, "nothing written by any door");
    }
}
