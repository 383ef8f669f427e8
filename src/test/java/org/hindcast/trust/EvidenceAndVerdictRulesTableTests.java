package org.hindcast.trust;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The companion of {@link LedgerRulesTableTests} for what comes after a forecast: one table of bad evidence and one
 * of bad verdicts, each fed through the JSON API, the staff page's form, a corpus file imported on its own and the
 * same files imported together. Each door must refuse each row naming the same field, and write nothing.
 */
@QuarkusTest
class EvidenceAndVerdictRulesTableTests {

    /** A corpus paper of 2022, before every forecast the table attaches to. */
    private static final String EARLIER_PAPER = "cc-2022-09-china-korea-muted-anniversary";

    @Inject
    Ledger ledger;

    @Inject
    CorpusImporter importer;

    /** A bad input: the field the refusal must name and the change to a valid one. */
    record Row(String name, String field, Consumer<Map<String, Object>> change) {
    }

    static final List<Row> EVIDENCE = List.of(
            new Row("empty summary", "summary", e -> e.put("summary", "")),
            new Row("blank summary", "summary", e -> e.put("summary", "   ")),
            new Row("summary too long", "summary", e -> e.put("summary", "s".repeat(4001))),
            new Row("NUL in the summary", "summary", e -> e.put("summary", "Xi went\u0000 to Seoul.")),
            new Row("observed before the forecast was made", "observedOn", e -> e.put("observedOn", "2020-01-01")),
            new Row("observed in the future", "observedOn", e -> e.put("observedOn", "2999-01-01")),
            new Row("observed on no date", "observedOn", e -> e.put("observedOn", "2025-02-30")),
            new Row("no observation date", "observedOn", e -> e.remove("observedOn")),
            new Row("URL without a scheme", "citationUrl", e -> e.put("citationUrl", "example.org/a")),
            new Row("URL with spaces", "citationUrl", e -> e.put("citationUrl", "https://exa mple.org/a b")),
            new Row("URL with nothing after the scheme", "citationUrl", e -> e.put("citationUrl", "http://")),
            new Row("URL too long", "citationUrl", e -> e.put("citationUrl", "https://example.org/" + "a".repeat(2000))),
            new Row("a URL and a paper", "citationUrl", e -> e.put("citedPaper", EARLIER_PAPER)),
            new Row("neither URL nor paper", "citationUrl", e -> e.remove("citationUrl")),
            new Row("an unknown paper", "citedPaper", e -> {
                e.remove("citationUrl");
                e.put("citedPaper", "no-such-paper");
            }),
            new Row("a paper older than the forecast", "citedPaper", e -> {
                e.remove("citationUrl");
                e.put("citedPaper", EARLIER_PAPER);
            }),
            new Row("unknown stance", "stance", e -> e.put("stance", "MAYBE")),
            new Row("no stance", "stance", e -> e.remove("stance")),
            new Row("citation note too long", "citationNote", e -> e.put("citationNote", "n".repeat(1001))),
            new Row("NUL in the citation note", "citationNote", e -> e.put("citationNote", "p.\u0000 3")));

    static final List<Row> VERDICTS = List.of(
            new Row("empty rationale", "rationale", v -> v.put("rationale", "")),
            new Row("blank rationale", "rationale", v -> v.put("rationale", "  ")),
            new Row("rationale too long", "rationale", v -> v.put("rationale", "r".repeat(4001))),
            new Row("NUL in the rationale", "rationale", v -> v.put("rationale", "He came\u0000.")),
            new Row("unknown outcome", "outcome", v -> v.put("outcome", "MOSTLY")),
            new Row("no outcome", "outcome", v -> v.remove("outcome")),
            new Row("PARTIAL without a credit", "credit", v -> v.put("outcome", "PARTIAL")),
            new Row("TRUE with a credit", "credit", v -> v.put("credit", 0.5)),
            new Row("credit above 1", "credit", v -> {
                v.put("outcome", "PARTIAL");
                v.put("credit", 1.5);
            }),
            new Row("negative credit", "credit", v -> {
                v.put("outcome", "PARTIAL");
                v.put("credit", -0.5);
            }),
            new Row("resolved in the future", "resolvedOn", v -> v.put("resolvedOn", "2999-01-01")),
            new Row("resolved before the forecast was made", "resolvedOn", v -> v.put("resolvedOn", "2020-01-01")),
            new Row("resolved on no date", "resolvedOn", v -> v.put("resolvedOn", "2025-13-01")),
            new Row("no resolution date", "resolvedOn", v -> v.remove("resolvedOn")));

    private static Map<String, Object> validEvidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("summary", "Xi Jinping attended the APEC summit in Gyeongju.");
        e.put("observedOn", "2025-11-01");
        e.put("citationUrl", "https://example.org/apec");
        e.put("stance", "SUPPORTS");
        return e;
    }

    private static Map<String, Object> validVerdict() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("outcome", "TRUE");
        v.put("resolvedOn", "2025-11-30");
        v.put("rationale", "He came, as the later paper reports.");
        return v;
    }

    private static Map<String, Object> forecast() {
        return LedgerRulesTableTests.valid();
    }

    /** The forecast's corpus file with this evidence (or verdict) in it. */
    private static String paperFile(String slug, String what, Map<String, Object> value) throws Exception {
        Map<String, Object> f = forecast();
        f.put(what, what.equals("evidence") ? List.of(value) : value);
        return LedgerRulesTableTests.paperFile(slug, f);
    }

    private static Map<String, String> form(Map<String, Object> values) {
        Map<String, String> form = new LinkedHashMap<>();
        values.forEach((k, v) -> form.put(k, String.valueOf(v)));
        return form;
    }

    private static boolean names(List<String> fields, String field) {
        return fields != null && fields.stream().anyMatch(x -> x.equals(field) || x.startsWith(field + "["));
    }

    @Test
    void everyDoorRefusesEveryRowOfTheEvidenceAndVerdictTablesNamingTheSameFieldAndWritesNothing() throws Exception {
        as("admin").post("/api/admin/corpus/import").then().statusCode(200);
        Staff.ensure();
        assertTrue(EVIDENCE.size() + VERDICTS.size() >= 30, EVIDENCE.size() + VERDICTS.size() + " rows");
        String paper = Ledger.paper("2024-11-13", "Rules Table Page Author");
        Map<String, Object> body = new LinkedHashMap<>(forecast());
        body.put("paper", paper);
        body.put("quote", "Xi Jinping is expected to visit South Korea (" + Ledger.unique("q") + ").");
        long id = as("editor").body(body).post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");
        long version = as("reviewer").get("/api/forecasts/" + id).then().extract().jsonPath().getLong("version");
        PageSession analyst = PageSession.reader();
        analyst.signIn("analyst", Staff.PASSWORD);
        PageSession reviewer = PageSession.reader();
        reviewer.signIn("reviewer", Staff.PASSWORD);

        var before = ledger.counts();
        List<String> wrong = new ArrayList<>();
        List<CorpusSource.Entry> files = new ArrayList<>();
        Map<String, Row> byFile = new HashMap<>();
        Map<String, String> pathOf = new HashMap<>();
        int n = 0;
        for (String what : List.of("evidence", "resolution")) {
            boolean evidence = what.equals("evidence");
            for (Row r : evidence ? EVIDENCE : VERDICTS) {
                Map<String, Object> value = evidence ? validEvidence() : validVerdict();
                r.change().accept(value);

                // the JSON API
                Map<String, Object> api = new LinkedHashMap<>(value);
                if (!evidence) {
                    api.put("forecastVersion", version);
                }
                var answer = evidence ? as("analyst").body(api).post("/api/forecasts/" + id + "/evidence")
                        : as("reviewer").body(api).post("/api/forecasts/" + id + "/resolutions");
                List<String> fields = answer.statusCode() == 400 ? answer.jsonPath().getList("errors.field", String.class) : List.of();
                if (!names(fields, r.field())) {
                    wrong.add("API, " + what + ", " + r.name() + ": " + answer.statusCode() + " " + fields);
                }

                // the staff page's form
                PageSession session = evidence ? analyst : reviewer;
                Map<String, String> form = form(value);
                if (!evidence) {
                    form.put("forecastVersion", Long.toString(version));
                }
                var spec = session.request().contentType("application/x-www-form-urlencoded")
                        .formParam("csrf", session.cookie("hindcast-csrf"));
                form.forEach(spec::formParam);
                var page = spec.post("/staff/forecasts/" + id + (evidence ? "/evidence" : "/resolve"));
                if (page.statusCode() != 400 || !page.asString().contains("id=\"" + r.field() + "-error\"")) {
                    wrong.add("page, " + what + ", " + r.name() + ": " + page.statusCode());
                }

                // a corpus file on its own (the per-file path), and later all together (the bulk path)
                String path = "$.forecasts[0]." + (evidence ? "evidence[0]." : "resolution.") + r.field();
                String slug = "rules-table-" + what + "-" + n++ + "-" + Ledger.unique("r");
                ImportReport.FileResult alone = importer.importAll("admin", List.of(new CorpusSource.Entry(slug + ".yaml",
                        paperFile(slug, what, value).getBytes(StandardCharsets.UTF_8)))).files().get(0);
                if (alone.outcome() != ImportReport.Outcome.REFUSED
                        || alone.errors().stream().noneMatch(e -> e.field().startsWith(path))) {
                    wrong.add("import, " + what + ", " + r.name() + ": " + alone.outcome() + " " + alone.errors());
                }
                String bulkSlug = slug + "-bulk";
                files.add(new CorpusSource.Entry(bulkSlug + ".yaml", paperFile(bulkSlug, what, value).getBytes(StandardCharsets.UTF_8)));
                byFile.put(bulkSlug + ".yaml", r);
                pathOf.put(bulkSlug + ".yaml", path);
            }
        }
        ImportReport together = importer.importAll("admin", files);
        for (ImportReport.FileResult result : together.files()) {
            Row r = byFile.get(result.file());
            if (result.outcome() != ImportReport.Outcome.REFUSED
                    || result.errors().stream().noneMatch(e -> e.field().startsWith(pathOf.get(result.file())))) {
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
