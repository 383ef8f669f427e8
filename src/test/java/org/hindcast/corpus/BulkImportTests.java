package org.hindcast.corpus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.benchmark.GenerateCommand;
import org.hindcast.benchmark.SyntheticLedger;
import org.hindcast.testing.Ledger;
import org.hindcast.trackrecords.ScoreAggregates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The importer's bulk path writes what the per-file path would: the rows, the audit entries and fresh
 * leaderboard rows; a file it cannot vouch for goes file by file and is refused with its line; a second
 * run changes nothing.
 */
@QuarkusTest
class BulkImportTests {

    @Inject
    CorpusImporter importer;

    @Inject
    CorpusExporter exporter;

    @Inject
    ScoreAggregates aggregates;

    @Inject
    Ledger ledger;

    @Inject
    org.hindcast.resolutions.ResolutionService resolutions;

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void aSyntheticLedgerLoadsInBulkWithEveryRowItsFilesSayAndFreshScores(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("ledger");
        var summary = GenerateCommand.write(dir, new SyntheticLedger.Size(25, 120, 1_200, 0.7), 42, false);
        // One more file that the bulk path must leave to the per-file path: a theme no one has defined.
        Files.writeString(dir.resolve("zz-bad-theme.yaml"), """
                format: hindcast-paper/1
                paper:
                  slug: syn-bad-theme-paper
                  title: A paper with an unknown theme
                  publisher: Nobody
                  published: 2024-01-15
                  authors:
                  - name: Analyst 00001
                    slug: syn-author-00001
                    displayName: Analyst 00001
                    affiliation: Synthetic Institute for Policy Studies
                forecasts:
                - key: f-1
                  statement: Something happens.
                  quote: Something will likely happen.
                  phrase: likely
                  resolveBy: 2025-01-01
                  resolveByBasis: STATED
                  themes:
                  - no-such-theme
                """);
        long auditBefore = count("select count(*) from audit_entry");
        long lastAuditId = count("select coalesce(max(id), 0) from audit_entry");

        ImportReport report = importer.importDirectory("admin", dir, null);

        assertEquals(1, report.files().stream().filter(f -> f.outcome() == ImportReport.Outcome.REFUSED).count());
        var refused = report.files().stream().filter(f -> f.outcome() == ImportReport.Outcome.REFUSED).findFirst().orElseThrow();
        assertEquals("zz-bad-theme.yaml", refused.file());
        assertEquals("zz-bad-theme.yaml:20: $.forecasts[0].themes[0]: no theme 'no-such-theme'", refused.errors().get(0).toString(),
                "the per-file path names the line and field");
        assertEquals(121, report.files().stream().filter(f -> f.outcome() == ImportReport.Outcome.LOADED).count(),
                "the themes file and every paper");
        assertEquals(0L, count("select count(*) from paper where slug = 'syn-bad-theme-paper'"), "nothing of the refused file");

        assertEquals(summary.forecasts(), count("select count(*) from forecast f join paper p on p.id = f.paper_id where p.slug like 'syn-paper-%'"));
        assertEquals(summary.resolved(), count("select count(*) from resolution r join forecast f on f.id = r.forecast_id "
                + "join paper p on p.id = f.paper_id where p.slug like 'syn-paper-%'"));
        assertEquals(summary.evidence(), count("select count(*) from evidence e join forecast f on f.id = e.forecast_id "
                + "join paper p on p.id = f.paper_id where p.slug like 'syn-paper-%'"));
        long links = count("select count(*) from forecast_author fa join forecast f on f.id = fa.forecast_id "
                + "join paper p on p.id = f.paper_id where p.slug like 'syn-paper-%'");
        assertEquals(java.util.Arrays.stream(summary.forecastsPerAuthor()).sum(), links, "each own forecast scores for each author");
        // and, for the admin who ran it, one per imported verdict and one for the run
        long created = summary.forecasts() + summary.resolved() + summary.evidence() + 120 + 25 + 48 + summary.resolved() + 1;
        assertEquals(created, count("select count(*) from audit_entry") - auditBefore,
                "one audit entry per forecast, verdict, evidence, paper, author and theme, per imported verdict and per run");
        assertEquals(summary.resolved(), count("select count(*) from audit_entry where action = 'corpus.resolution' and actor = 'admin' "
                + "and id > " + lastAuditId));

        // What the files say is what is stored: exporting a paper gives back its file's forecasts.
        var generated = new SyntheticLedger(new SyntheticLedger.Size(25, 120, 1_200, 0.7), 42, java.time.LocalDate.now(),
                org.hindcast.phrases.PhraseTables.load("2026.1"));
        for (int i : List.of(0, 57, 119)) {
            CorpusDocs.PaperFile file = generated.paper(i);
            CorpusDocs.PaperFile stored = QuarkusTransaction.requiringNew().call(() -> exporter.paper(file.paper().slug()));
            assertEquals(file.forecasts().size(), stored.forecasts().size());
            for (int k = 0; k < file.forecasts().size(); k++) {
                var want = file.forecasts().get(k);
                var got = stored.forecasts().get(k);
                assertEquals(want.statement(), got.statement());
                assertEquals(want.quote(), got.quote());
                assertEquals(want.themes().stream().sorted().toList(), got.themes().stream().sorted().toList());
                assertEquals(want.resolveBy(), got.resolveBy());
                assertEquals(want.resolution() == null ? null : want.resolution().outcome(),
                        got.resolution() == null ? null : got.resolution().outcome());
                assertEquals(want.evidence() == null ? 0 : want.evidence().size(), got.evidence() == null ? 0 : got.evidence().size());
            }
        }

        // The leaderboard rows were recomputed once at the end, and equal a recomputation from scratch.
        assertEquals(0L, count("select count(*) from score_refresh_pending"));
        Map<String, Object> before = ledger.row("select count(*) as n, sum(s.n) as scored, round(sum(s.brier)::numeric, 12) as brier, "
                + "(select count(*) || '/' || sum(q.n) from author_score_pair q join author qa on qa.id = q.author_id "
                + "where qa.slug like 'syn-author-%') as pairs from author_score s join author a on a.id = s.author_id "
                + "where a.slug like 'syn-author-%'");
        QuarkusTransaction.requiringNew().run(() -> aggregates.refreshAll());
        Map<String, Object> after = ledger.row("select count(*) as n, sum(s.n) as scored, round(sum(s.brier)::numeric, 12) as brier, "
                + "(select count(*) || '/' || sum(q.n) from author_score_pair q join author qa on qa.id = q.author_id "
                + "where qa.slug like 'syn-author-%') as pairs from author_score s join author a on a.id = s.author_id "
                + "where a.slug like 'syn-author-%'");
        assertEquals(after, before);
        assertTrue(((Number) before.get("n")).longValue() >= 20, "the authors with verdicts have rows: " + before);

        // Verdicts after the import refresh only the sets they touch; the rows equal a recomputation from scratch.
        List<Object[]> pending = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select f.id, f.version from forecast f "
                + "join paper p on p.id = f.paper_id where p.slug like 'syn-paper-%' and f.status = 'PENDING' and f.speaker = 'AUTHORS' "
                + "order by f.id limit 12").getResultList());
        int k = 0;
        for (Object[] f : pending) {
            var outcome = k++ % 3 == 0 ? org.hindcast.resolutions.Outcome.ANNULLED : org.hindcast.resolutions.Outcome.TRUE;
            QuarkusTransaction.requiringNew().run(() -> resolutions.resolve("reviewer", ((Number) f[0]).longValue(),
                    new org.hindcast.resolutions.ResolutionService.Verdict(((Number) f[1]).longValue(), outcome, null,
                            java.time.LocalDate.now(), "A test verdict.", null, List.of())));
        }
        String everyRow = "select string_agg(a.slug || '/' || coalesce(t.slug, '-') || '/' || s.n || '/' || round(s.brier::numeric, 12) "
                + "|| '/' || (select string_agg(q.p || ':' || q.o || ':' || q.n, ';' order by q.p, q.o) from author_theme_score_pair q "
                + "where q.author_id = s.author_id and q.theme_id = s.theme_id), ',' order by a.slug, t.slug) from author_theme_score s "
                + "join author a on a.id = s.author_id join theme t on t.id = s.theme_id where a.slug like 'syn-author-%'";
        Object targeted = ledger.scalar(everyRow);
        QuarkusTransaction.requiringNew().run(() -> aggregates.refreshAll());
        assertEquals(ledger.scalar(everyRow), targeted, "targeted refreshes after verdicts equal a full recomputation");

        // A second run goes file by file (the papers exist) and changes nothing.
        var counts = ledger.counts();
        ImportReport again = importer.importDirectory("admin", dir, null);
        assertEquals(120, again.files().stream().filter(f -> f.outcome() == ImportReport.Outcome.UNCHANGED
                && f.file().startsWith("syn-paper-")).count());
        assertEquals(counts, ledger.counts());

        // An import stopped between its chunks and its last step leaves authors marked, their rows not yet computed;
        // the next import or start-up finishes them.
        Map<String, Object> row = ledger.row("select s.author_id, s.n, s.brier from author_score s join author a on a.id = s.author_id "
                + "where a.slug = 'syn-author-00001'");
        long author = ((Number) row.get("author_id")).longValue();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from author_score where author_id = ?1").setParameter(1, author).executeUpdate();
            em.createNativeQuery("insert into score_refresh_pending (author_id) values (?1)").setParameter(1, author).executeUpdate();
        });
        importer.refreshPendingScores(null);
        assertEquals(0L, count("select count(*) from score_refresh_pending"));
        assertEquals(row, ledger.row("select s.author_id, s.n, s.brier from author_score s where s.author_id = " + author));
    }

    private long count(String sql) {
        return ((Number) ledger.scalar(sql)).longValue();
    }
}
