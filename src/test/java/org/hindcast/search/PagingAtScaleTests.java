package org.hindcast.search;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.benchmark.GenerateCommand;
import org.hindcast.benchmark.SyntheticLedger;
import org.hindcast.corpus.CorpusImporter;
import org.hindcast.corpus.ImportReport;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hindcast.testing.Staff.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every list on a page is paged to its end on a ledger of thousands of papers: the synthetic generator's ledger
 * (2,500 papers, 12,500 forecasts, the most prolific author with hundreds), loaded in bulk under its own names.
 */
@QuarkusTest
class PagingAtScaleTests {

    private static final Pattern RANGE = Pattern.compile("<span>(\\d+)–(\\d+) of (\\d+)</span>");
    private static final Pattern NEXT = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\">");
    private static final Pattern FORECAST = Pattern.compile("<a href=\"/forecasts/(\\d+)\">");

    @Inject
    CorpusImporter importer;

    @Inject
    Ledger ledger;

    @Test
    void papersAuthorsAndAnAuthorsForecastsArePagedToTheirLastItem(@TempDir Path tmp) throws Exception {
        Staff.ensure();
        Path generated = tmp.resolve("generated");
        var summary = GenerateCommand.write(generated, new SyntheticLedger.Size(100, 2_500, 12_500, 0.7), 16, false);
        Path dir = Files.createDirectories(tmp.resolve("ledger"));
        try (var files = Files.list(generated)) {
            for (Path f : files.toList()) {
                // its own slugs and names, beside any other synthetic ledger of the test run
                Files.writeString(dir.resolve(f.getFileName().toString().replace("syn-", "scale-")), Files.readString(f)
                        .replace("syn-", "scale-").replace("Analyst ", "Scale analyst ").replace("Synthetic Institute", "Scale Institute"));
            }
        }
        ImportReport report = importer.importDirectory("admin", dir, null);
        assertEquals(0, report.files().stream().filter(f -> f.outcome() == ImportReport.Outcome.REFUSED).count(), report.toString());
        assertEquals(summary.forecasts(), ((Number) ledger.scalar("select count(*) from forecast f join paper p on p.id = f.paper_id "
                + "where p.slug like 'scale-paper-%'")).longValue());

        long papers = ((Number) ledger.scalar("select count(*) from paper")).longValue();
        assertTrue(papers >= 2_500);
        String first = html("/papers");
        Matcher range = RANGE.matcher(first);
        assertTrue(range.find(), "the pager says what is shown");
        assertEquals("1–50 of " + papers, range.group(1) + "–" + range.group(2) + " of " + range.group(3));
        long last = (papers - 1) / 50;
        String lastPage = html("/papers?page=" + last);
        Matcher lastRange = RANGE.matcher(lastPage);
        assertTrue(lastRange.find());
        assertEquals(papers, Long.parseLong(lastRange.group(2)), "the last page ends at the last paper");
        assertTrue(lastPage.contains("rel=\"prev\"") && !lastPage.contains("rel=\"next\""));

        // The most prolific author: every resolved and pending forecast, page after page, each once.
        var top = ledger.row("select a.slug, count(*) filter (where f.status <> 'PENDING') as resolved, "
                + "count(*) filter (where f.status = 'PENDING') as pending from author a join forecast_author fa on fa.author_id = a.id "
                + "join forecast f on f.id = fa.forecast_id where a.slug like 'scale-author-%' group by a.slug order by count(*) desc limit 1");
        String slug = (String) top.get("slug");
        long resolved = ((Number) top.get("resolved")).longValue();
        long pending = ((Number) top.get("pending")).longValue();
        assertTrue(resolved > 200, "more than the old cap of 200: " + resolved);
        assertEquals(resolved, walk("/authors/" + slug, "resolved", "Resolved forecasts (" + resolved + ")"));
        assertEquals(pending, walk("/authors/" + slug, "pending", "Pending forecasts (" + pending + ")"));

        // A theme's forecasts and a search, to their ends.
        long onTheme = ((Number) ledger.scalar("select count(distinct ft.forecast_id) from forecast_theme ft join theme t on t.id = ft.theme_id "
                + "where t.slug = 'scale-japan' or t.parent_id = (select id from theme where slug = 'scale-japan')")).longValue();
        String theme = html("/themes/scale-japan");
        assertTrue(theme.contains("Forecasts (" + onTheme + ")"), "the heading's count");
        Matcher themeRange = RANGE.matcher(html("/themes/scale-japan?page=" + (onTheme - 1) / 50));
        assertTrue(themeRange.find());
        assertEquals(onTheme, Long.parseLong(themeRange.group(2)));
    }

    /** Follows a list's "next" links from the page, counting the distinct forecasts it shows. */
    private static long walk(String path, String list, String heading) {
        Set<String> seen = new LinkedHashSet<>();
        String page = html(path);
        assertTrue(page.contains(heading), heading);
        String section = "id=\"" + list + "\"";
        int pages = 0;
        while (true) {
            pages++;
            int start = page.indexOf(section);
            int end = list.equals("resolved") ? page.indexOf("id=\"pending\"") : page.indexOf("id=\"follow-h\"");
            String part = page.substring(start, end);
            Matcher m = FORECAST.matcher(part);
            int rows = 0;
            while (m.find()) {
                seen.add(m.group(1));
                rows++;
            }
            assertTrue(rows <= 50 && rows > 0, "a page of at most 50 rows, was " + rows);
            Matcher next = NEXT.matcher(part);
            if (!next.find()) {
                break;
            }
            // a browser keeps the #anchor to itself
            page = html(next.group(1).replace("&amp;", "&").replaceFirst("#.*$", ""));
            assertTrue(pages < 1_000);
        }
        return seen.size();
    }

    private static String html(String path) {
        return anonymous().accept("text/html").get(path).then().statusCode(200).extract().asString();
    }
}
