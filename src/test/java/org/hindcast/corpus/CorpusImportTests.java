package org.hindcast.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CorpusImportTests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Inject
    CorpusImporter importer;

    @Inject
    CorpusExporter exporter;

    @Inject
    Ledger ledger;

    @BeforeEach
    void theCorpusIsLoaded() {
        as("admin").post("/api/admin/corpus/import").then().statusCode(200);
    }

    @Test
    void aSecondImportChangesNothingAndSaysSo() {
        var before = ledger.counts();
        as("admin").post("/api/admin/corpus/import").then().statusCode(200)
                .body("files.size()", equalTo(6))
                .body("files.outcome", everyItem(equalTo("UNCHANGED")));
        assertEquals(before, ledger.counts());
        assertEquals(100L, ledger.scalar("select count(*) from forecast f join paper p on p.id = f.paper_id "
                + "where f.corpus_key is not null and p.source_text is not null"));
        assertTrue(importer.importAll("admin", CorpusSource.directory(Path.of("forecasts"))).table()
                .contains("nothing to do, the ledger already matches the files"));
    }

    @Test
    void onlyAnAdminImports() {
        anonymous().post("/api/admin/corpus/import").then().statusCode(401);
        as("editor").post("/api/admin/corpus/import").then().statusCode(403);
    }

    @Test
    void leeDongGyuIsOnePersonWithHisThreePapersAndScoresAsScoringMdSays() {
        for (String printed : List.of("Lee Dong Gyu", "Dong Gyu Lee", "Dong-gyu Lee", "LEE Dong-gyu")) {
            anonymous().queryParam("name", printed).get("/api/authors/lookup").then().statusCode(200)
                    .body("slug", equalTo("lee-dong-gyu")).body("displayName", equalTo("Lee Dong-gyu"));
        }
        anonymous().queryParam("author", "lee-dong-gyu").get("/api/sources").then().body("total", equalTo(3));
        JsonPath record = new JsonPath(anonymous().get("/api/authors/lee-dong-gyu/track-record").asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        // His resolved forecasts, with the phrase table's points and the corpus verdicts (second pass, 2026-12):
        // 000 NK provocation   'more likely' 0.70 TRUE  -> 0.09
        // 000 distancing       'would seek to' 0.65 FALSE -> 0.4225
        // 000 maintains ties   'would also likely' 0.70 TRUE -> 0.09
        // 000 Xi visits        'is expected to' 0.75 TRUE -> 0.0625
        // 000 high tariffs     'is expected to' 0.75 PARTIAL 0.5 -> 0.0625
        // 000 differing stance 'is expected to' 0.75 FALSE -> 0.5625
        // 001 ramps up tariffs 'is expected to' 0.75 TRUE -> 0.0625
        // 001 protectionism    'likely' 0.70 TRUE -> 0.09
        // 001 dialogues        'are expected' 0.75 PARTIAL 0.5 -> 0.0625
        // (001's signal of distance is AMBIGUOUS and the Yoon-premised forecasts ANNULLED: counted, not scored.)
        assertEquals(9, record.getInt("scored"));
        double sum = 0.09 + 0.4225 + 0.09 + 0.0625 + 0.0625 + 0.5625 + 0.0625 + 0.09 + 0.0625;
        assertEquals(sum / 9, record.getDouble("brier"), 1e-9);
        assertEquals(1 - (sum / 9) / 0.25, record.getDouble("bss50"), 1e-9);
        assertEquals(6.0 / 9, record.getDouble("baseRate"), 1e-9);
        assertEquals(8, record.getInt("annulled"));
        assertEquals(1, record.getInt("ambiguous"));
        // 001: the Yoon administration's hope for Xi's visit and Beijing's fear of an "Asian NATO"; 002: the commentators
        // who raise a US-North Korea dialogue, the observers' and Beijing's expectations; 000: Beijing's perception on Taiwan
        assertEquals(6, record.getInt("attributedToOthers"));
        assertTrue(record.getInt("pending") > 30);

        JsonPath hwang = new JsonPath(anonymous().get("/api/authors/hwang-tae-yeon/track-record").asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        // 003: relations improve 'seems remote' 0.03 TRUE -> 0.9409; deadlock 0.70 FALSE -> 0.49; trilateral 'the potential' 0.40 TRUE -> 0.36
        assertEquals(3, hwang.getInt("scored"));
        assertEquals((0.9409 + 0.49 + 0.36) / 3, hwang.getDouble("brier"), 1e-9);
        // 004: North Korea's dependencies did not restrain it ('it is unclear whether' 0.50 FALSE -> 0.25)
        anonymous().get("/api/authors/scott-snyder/track-record").then().body("attributedToOthers", equalTo(10))
                .body("scored", equalTo(1));
    }

    @Test
    void aBadFileIsRefusedWholeWithFileLineAndFieldWhileTheOthersLoad() throws Exception {
        String good = paperFile("good", "themes: [taiwan]");
        String badSchema = paperFile("bad-schema", "themes: [taiwan]").replace("probability: 0.6", "probability: 1.5");
        String badTheme = paperFile("bad-theme", "themes: [no-such-theme]");
        var before = ledger.counts();
        ImportReport report = importer.importAll("admin", List.of(
                new CorpusSource.Entry("good.yaml", good.getBytes(StandardCharsets.UTF_8)),
                new CorpusSource.Entry("bad-schema.yaml", badSchema.getBytes(StandardCharsets.UTF_8)),
                new CorpusSource.Entry("bad-theme.yaml", badTheme.getBytes(StandardCharsets.UTF_8))));

        var byFile = new java.util.HashMap<String, ImportReport.FileResult>();
        report.files().forEach(f -> byFile.put(f.file(), f));
        assertEquals(ImportReport.Outcome.LOADED, byFile.get("good.yaml").outcome());
        CorpusError schema = byFile.get("bad-schema.yaml").errors().get(0);
        assertEquals(ImportReport.Outcome.REFUSED, byFile.get("bad-schema.yaml").outcome());
        assertEquals("$.forecasts[1].probability", schema.field());
        assertEquals(lineOf(badSchema, "probability: 1.5"), schema.line());
        CorpusError theme = byFile.get("bad-theme.yaml").errors().get(0);
        assertEquals("$.forecasts[0].themes[0]", theme.field());
        assertEquals(lineOf(badTheme, "themes: [no-such-theme]"), theme.line(), theme.toString());
        assertTrue(report.table().contains("bad-theme.yaml:" + theme.line() + ": $.forecasts[0].themes[0]"), report.table());

        // Nothing of the refused files was written: the bad-theme paper's metadata was valid, but it is not there.
        assertEquals(0L, ledger.scalar("select count(*) from paper where slug like 'bad-%'"));
        assertEquals(1L, ledger.scalar("select count(*) from paper where slug = 'good'"));
        assertEquals(before.get("forecast") + 2, ledger.counts().get("forecast"));
    }

    @Test
    void aKeyGivenTwiceInACorpusFileIsRefusedWithItsLine() {
        String file = paperFile("twice", "themes: [taiwan]").replace("  probability: 0.6\n", "  probability: 0.6\n  probability: 0.1\n");
        var before = ledger.counts();
        ImportReport report = importer.importAll("admin", List.of(new CorpusSource.Entry("twice.yaml", file.getBytes(StandardCharsets.UTF_8))));
        assertEquals(ImportReport.Outcome.REFUSED, report.files().get(0).outcome());
        CorpusError error = report.files().get(0).errors().get(0);
        assertTrue(error.message().contains("probability"), error.toString());
        assertEquals(lineOf(file, "probability: 0.1"), error.line(), error.toString());
        assertEquals(before, ledger.counts());
    }

    private ImportReport.FileResult importOne(String name, String yaml) {
        return importer.importAll("admin", List.of(new CorpusSource.Entry(name, yaml.getBytes(StandardCharsets.UTF_8))))
                .files().get(0);
    }

    private long forecastId(String paper, String key) {
        return ((Number) ledger.scalar("select f.id from forecast f join paper p on p.id = f.paper_id where p.slug = ? "
                + "and f.corpus_key = ?", paper, key)).longValue();
    }

    /** An editor corrects the forecast's statement through the API, as on the site. */
    private void correctInTheLedger(long id, String statement) {
        int version = anonymous().get("/api/forecasts/" + id).jsonPath().getInt("version");
        as("editor").body(java.util.Map.of("version", version, "reason", "The quote says more than the statement did.",
                "statement", statement)).post("/api/forecasts/" + id + "/corrections").then().statusCode(200);
    }

    private String statementOf(long id) {
        return anonymous().get("/api/forecasts/" + id).jsonPath().getString("statement");
    }

    @Test
    void aCorrectionMadeInTheLedgerSurvivesReimportingTheUnchangedFile() {
        String slug = Ledger.unique("kept");
        String file = paperFile(slug, "themes: [taiwan]");
        assertEquals(ImportReport.Outcome.LOADED, importOne(slug + ".yaml", file).outcome());
        long id = forecastId(slug, "first");
        correctInTheLedger(id, "The first thing happens before 2026.");

        ImportReport.FileResult again = importOne(slug + ".yaml", file);
        assertEquals(ImportReport.Outcome.UNCHANGED, again.outcome(), again.toString());
        assertEquals("The first thing happens before 2026.", statementOf(id), "the correction was not reverted");
        assertEquals(1, again.kept().size(), again.toString());
        assertTrue(again.kept().get(0).contains("forecast 'first'"), again.kept().toString());
    }

    @Test
    void aFileChangedWhileTheLedgerWasNotIsApplied() {
        String slug = Ledger.unique("applied");
        importOne(slug + ".yaml", paperFile(slug, "themes: [taiwan]"));
        long id = forecastId(slug, "first");
        ImportReport.FileResult changed = importOne(slug + ".yaml", paperFile(slug, "themes: [taiwan]")
                .replace("statement: The first thing happens.", "statement: The first thing happens at last."));
        assertEquals(ImportReport.Outcome.CHANGED, changed.outcome(), changed.toString());
        assertEquals("The first thing happens at last.", statementOf(id));
        // and the next import of that file is a no-op
        assertEquals(ImportReport.Outcome.UNCHANGED, importOne(slug + ".yaml", paperFile(slug, "themes: [taiwan]")
                .replace("statement: The first thing happens.", "statement: The first thing happens at last.")).outcome());
    }

    @Test
    void aFileAndTheLedgerBothChangedAreAConflictThatIsReportedAndWritesNothing() {
        String slug = Ledger.unique("conflict");
        importOne(slug + ".yaml", paperFile(slug, "themes: [taiwan]"));
        long id = forecastId(slug, "first");
        correctInTheLedger(id, "The editor's statement.");
        var before = ledger.counts();
        String changedFile = paperFile(slug, "themes: [taiwan]")
                .replace("statement: The first thing happens.", "statement: The file's statement.")
                .replace("statement: The second thing happens.", "statement: The second thing happens, surely.");
        ImportReport.FileResult conflict = importOne(slug + ".yaml", changedFile);
        assertEquals(ImportReport.Outcome.REFUSED, conflict.outcome());
        CorpusError error = conflict.errors().get(0);
        assertEquals("$.forecasts[0]", error.field());
        assertEquals(lineOf(changedFile, "- key: first"), error.line(), error.toString());
        assertTrue(error.message().contains("changed in the ledger since its last import"), error.message());
        assertTrue(error.message().contains("/api/papers/" + slug + "/corpus-file"), error.message());
        assertEquals("The editor's statement.", statementOf(id));
        assertEquals("The second thing happens.", statementOf(forecastId(slug, "second")), "nothing of the file was written");
        assertEquals(before.get("forecast_correction"), ledger.counts().get("forecast_correction"));

        // Resolved as the message says: the exported paper, with the file's other change carried over, imports cleanly.
        String exported = anonymous().get("/api/sources/" + slug + "/corpus-file").asString();
        assertTrue(exported.contains("The editor's statement."), exported);
        ImportReport.FileResult merged = importOne(slug + ".yaml", exported.replace("The second thing happens.",
                "The second thing happens, surely."));
        assertEquals(ImportReport.Outcome.CHANGED, merged.outcome(), merged.toString());
        assertEquals("The editor's statement.", statementOf(id));
        assertEquals("The second thing happens, surely.", statementOf(forecastId(slug, "second")));
    }

    @Test
    void aMonthPrecisionPapersForecastsAreMadeOnItsLastDayNotBeforeThePaperCouldExist() {
        String slug = Ledger.unique("month");
        importOne(slug + ".yaml", paperFile(slug, "themes: [taiwan]"));
        // published '2024-05': the paper may have appeared on any day of May, so its forecasts date from May 31
        assertEquals("2024-05-31", anonymous().get("/api/forecasts/" + forecastId(slug, "first")).jsonPath().getString("madeOn"));
        String year = Ledger.unique("year");
        importOne(year + ".yaml", paperFile(year, "themes: [taiwan]").replace("published: '2024-05'", "published: '2023'"));
        assertEquals("2023-12-31", anonymous().get("/api/forecasts/" + forecastId(year, "first")).jsonPath().getString("madeOn"));
        // and the export gives no madeOn for them, so that it imports back unchanged
        String exported = anonymous().get("/api/sources/" + slug + "/corpus-file").asString();
        assertTrue(!exported.contains("madeOn"), exported);
        assertEquals(ImportReport.Outcome.UNCHANGED, importOne(slug + ".yaml", exported).outcome());
    }

    @Test
    void aLedgerLoadedUnderTheOldDateRuleIsBroughtToTheLastDayOfTheMonthByTheNextImport() {
        String slug = Ledger.unique("olddate");
        String file = paperFile(slug, "themes: [taiwan]");
        importOne(slug + ".yaml", file);
        long id = forecastId(slug, "first");
        // as an import before 2026-12 left it: the 1st of the month, with the baseline of the file as hashed then
        ledger.execute("update forecast set made_on = '2024-05-01', corpus_hash = 'hashed-under-the-old-rule' where id = ?", id);

        ImportReport.FileResult again = importOne(slug + ".yaml", file);
        assertEquals(ImportReport.Outcome.CHANGED, again.outcome(), again.toString());
        assertEquals("2024-05-31", anonymous().get("/api/forecasts/" + id).jsonPath().getString("madeOn"));
        assertEquals(1L, ledger.scalar("select count(*) from forecast_correction where forecast_id = ? and field = 'madeOn' "
                + "and old_value = '2024-05-01' and new_value = '2024-05-31'", id));
        assertEquals(ImportReport.Outcome.UNCHANGED, importOne(slug + ".yaml", file).outcome());
    }

    private static String resolvedFirst(String slug, String resolveBy) {
        return paperFile(slug, """
                themes: [taiwan]
                  resolution:
                    outcome: 'TRUE'
                    resolvedOn: '2025-06-01'
                    rationale: The first thing happened, as the test's later paper says.""")
                .replace("  resolveBy: '2026-01-01'\n  resolveByBasis: STATED", "  resolveBy: '" + resolveBy + "'\n  resolveByBasis: STATED");
    }

    @Test
    void aFileThatCorrectsAForecastAfterItsVerdictProposesTheCorrectionForASecondPerson() {
        String slug = Ledger.unique("settled");
        assertEquals(ImportReport.Outcome.LOADED, importOne(slug + ".yaml", resolvedFirst(slug, "2026-01-01")).outcome());
        long id = forecastId(slug, "first");
        assertEquals("TRUE", anonymous().get("/api/forecasts/" + id).jsonPath().getString("status"));
        var before = ledger.counts();

        // The file moves the resolved forecast's deadline: the import proposes it, in the name of who ran the import.
        String changed = resolvedFirst(slug, "2026-06-30");
        ImportReport report = importer.importAll("admin", List.of(new CorpusSource.Entry(slug + ".yaml",
                changed.getBytes(StandardCharsets.UTF_8))));
        ImportReport.FileResult result = report.files().get(0);
        assertEquals(1, result.awaitingApproval().size(), result.toString());
        assertTrue(result.awaitingApproval().get(0).contains("changes resolveBy after the verdict"), result.toString());
        assertTrue(report.table().contains("awaiting approval: " + slug + ".yaml: forecast 'first'"), report.table());
        assertEquals("2026-01-01", anonymous().get("/api/forecasts/" + id).jsonPath().getString("resolveBy"),
                "nothing the verdict settled changed without a second person");
        assertEquals(before.get("forecast_correction"), ledger.counts().get("forecast_correction"));
        long proposal = ((Number) ledger.scalar("select id from correction_proposal where forecast_id = ? and status = 'PENDING'",
                id)).longValue();
        assertEquals("admin", (String) ledger.scalar("select proposed_by from correction_proposal where id = ?", proposal));

        // A second run of the same file finds its proposal again: no second proposal, no conflict.
        ImportReport.FileResult again = importOne(slug + ".yaml", changed);
        assertTrue(again.errors().isEmpty(), again.toString());
        assertEquals(1, again.awaitingApproval().size(), again.toString());
        assertEquals(1L, ledger.scalar("select count(*) from correction_proposal where forecast_id = ?", id));

        // Who ran the import cannot approve it; another staff member can, and the correction names both.
        as("admin").post("/api/forecasts/" + id + "/correction-proposals/" + proposal + "/approve").then().statusCode(403);
        as("reviewer").post("/api/forecasts/" + id + "/correction-proposals/" + proposal + "/approve").then().statusCode(200);
        assertEquals("2026-06-30", anonymous().get("/api/forecasts/" + id).jsonPath().getString("resolveBy"));
        assertEquals(1L, ledger.scalar("select count(*) from forecast_correction where forecast_id = ? and corrected_by = 'admin' "
                + "and approved_by = 'reviewer'", id));

        // The ledger now holds what the file says: the next run has nothing to do.
        ImportReport.FileResult settled = importOne(slug + ".yaml", changed);
        assertEquals(ImportReport.Outcome.UNCHANGED, settled.outcome(), settled.toString());
        assertTrue(settled.awaitingApproval().isEmpty(), settled.toString());
    }

    @Test
    void aCorrectionAfterTheVerdictThatTheSecondPersonRejectedIsNotProposedAgain() {
        String slug = Ledger.unique("rejected");
        importOne(slug + ".yaml", resolvedFirst(slug, "2026-01-01"));
        long id = forecastId(slug, "first");
        String changed = resolvedFirst(slug, "2026-06-30");
        importOne(slug + ".yaml", changed);
        long proposal = ((Number) ledger.scalar("select id from correction_proposal where forecast_id = ?", id)).longValue();
        as("reviewer").body(java.util.Map.of("note", "The paper states the first deadline."))
                .post("/api/forecasts/" + id + "/correction-proposals/" + proposal + "/reject").then().statusCode(200);

        ImportReport.FileResult again = importOne(slug + ".yaml", changed);
        assertTrue(again.awaitingApproval().isEmpty(), again.toString());
        assertTrue(again.kept().stream().anyMatch(k -> k.contains("reviewer rejected the file's correction")), again.toString());
        assertEquals(1L, ledger.scalar("select count(*) from correction_proposal where forecast_id = ?", id));
        assertEquals("2026-01-01", anonymous().get("/api/forecasts/" + id).jsonPath().getString("resolveBy"));
    }

    @Test
    void aCorpusFileNamingALookAlikeOfAnExistingAuthorIsRefusedAtThatName() {
        String slug = Ledger.unique("lookalike");
        // "Lee Dong-gyu" of the corpus, with a Cyrillic е
        String file = paperFile(slug, "themes: [taiwan]").replace("  - name: Tester " + slug, "  - name: L\u0435e Dong-gyu");
        var before = ledger.counts();
        ImportReport.FileResult result = importOne(slug + ".yaml", file);
        assertEquals(ImportReport.Outcome.REFUSED, result.outcome());
        CorpusError error = result.errors().get(0);
        assertTrue(error.field().startsWith("$.paper.authors[0]"), error.toString());
        assertTrue(error.message().contains("looks like 'Lee Dong-gyu'"), error.toString());
        assertEquals(before, ledger.counts());
    }

    @Test
    void anImportIsAttributedToTheAdminWhoRanIt() {
        as("admin").post("/api/admin/corpus/import").then().statusCode(200);
        assertEquals("admin", (String) ledger.scalar("select actor from audit_entry where action = 'corpus.import' order by id desc limit 1"));
        String slug = Ledger.unique("attributed");
        importOne(slug + ".yaml", paperFile(slug, "themes: [taiwan]"));
        assertEquals("admin", (String) ledger.scalar("select created_by from paper where slug = '" + slug + "'"));
        assertEquals(0L, ledger.scalar("select count(*) from audit_entry where entity_id = '" + slug + "' and actor <> 'admin'"));
        assertEquals(0L, ledger.scalar("select count(*) from forecast f join paper p on p.id = f.paper_id where p.slug = '"
                + slug + "' and f.created_by <> 'admin'"));
    }

    @Test
    void aLaterErrorInAFileRollsBackItsEarlierForecasts() {
        String file = paperFile("half", "themes: [taiwan]")
                .replace("  themes: [taiwan]\n  resolveBy: '2027-01-01'\n  probability: 0.6",
                        "  themes: [no-such-theme]\n  resolveBy: '2027-01-01'\n  probability: 0.6");
        var before = ledger.counts();
        ImportReport report = importer.importAll("admin", List.of(new CorpusSource.Entry("half.yaml", file.getBytes(StandardCharsets.UTF_8))));
        assertEquals(ImportReport.Outcome.REFUSED, report.files().get(0).outcome());
        assertEquals("$.forecasts[1].themes[0]", report.files().get(0).errors().get(0).field());
        assertEquals(before, ledger.counts(), "the first forecast, the paper and its author were rolled back with the file");
    }

    @Test
    void exportingTheLedgerGivesBackTheCorpusFiles() throws Exception {
        Path dir = Files.createTempDirectory("hindcast-export");
        exporter.writeAll(dir);
        try (var files = Files.list(Path.of("forecasts"))) {
            for (Path original : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("themes.yaml")).toList()) {
                JsonNode in = YAML.readTree(original.toFile());
                String slug = in.path("paper").path("slug").asText();
                JsonNode out = YAML.readTree(anonymous().get("/api/sources/" + slug + "/corpus-file").then().statusCode(200)
                        .extract().asString());
                assertEquals(in.path("paper").path("title"), out.path("paper").path("title"));
                assertEquals(in.path("paper").path("published"), out.path("paper").path("published"));
                assertEquals(names(in.path("paper").path("authors")), names(out.path("paper").path("authors")));
                assertEquals(in.path("forecasts").size(), out.path("forecasts").size(), slug);
                for (int i = 0; i < in.path("forecasts").size(); i++) {
                    JsonNode a = in.path("forecasts").get(i);
                    JsonNode b = out.path("forecasts").get(i);
                    for (String field : List.of("key", "statement", "quote", "speaker", "thirdParty", "condition", "phrase",
                            "probability", "probabilityBasis", "madeOn", "resolveBy", "resolveByBasis", "resolveByNote",
                            "resolutionCriteria", "themes", "evidence", "resolution")) {
                        if (field.equals("themes")) {
                            assertEquals(sorted(a.path(field)), sorted(b.path(field)), slug + " " + a.path("key").asText());
                        } else {
                            assertEquals(a.path(field), b.path(field), slug + " " + a.path("key").asText() + " " + field);
                        }
                    }
                }
            }
        }
        var before = ledger.counts();
        ImportReport again = importer.importAll("admin", CorpusSource.directory(dir));
        assertTrue(again.changedNothing(), again.table());
        assertEquals(before, ledger.counts(), "importing the export writes nothing");
    }

    private static List<String> sorted(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        values.sort(String::compareTo);
        return values;
    }

    private static List<String> names(JsonNode authors) {
        List<String> names = new ArrayList<>();
        authors.forEach(a -> names.add(a.path("name").asText() + "/" + a.path("slug").asText()));
        return names;
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + needle);
    }

    private static String paperFile(String slug, String themes) {
        return """
                format: hindcast-paper/1
                paper:
                  slug: %s
                  title: A test paper
                  publisher: Test Institute
                  published: '2024-05'
                  authors:
                  - name: Tester %s
                forecasts:
                - key: first
                  statement: The first thing happens.
                  quote: The first thing is expected to happen.
                  phrase: is expected to
                  resolveBy: '2026-01-01'
                  resolveByBasis: STATED
                  %s
                - key: second
                  statement: The second thing happens.
                  quote: The second thing may happen.
                  themes: [taiwan]
                  resolveBy: '2027-01-01'
                  probability: 0.6
                  probabilityBasis: EDITOR
                  resolveByBasis: STATED
                """.formatted(slug, slug, themes);
    }
}
