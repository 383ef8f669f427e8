package org.hindcast.benchmark;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The benchmark command, end to end on the packaged jar at a toy size: it generates, imports, copies, starts the
 * service, loads it, runs pgbench, resolves, and prints every row of its table with figures in them. The figures
 * at this size mean nothing; that they are all there, and that the resolutions were all fresh, is what is checked.
 */
class BenchmarkIT {

    @Test
    void theBenchmarkPrintsEveryMeasurementOfItsTable() throws Exception {
        assumeTrue(pgbenchAvailable(), "pgbench is not installed here");
        // The tool as docs/performance.md runs it: its own JVM on the test classpath (not the service's jar), started in
        // the repository root, with its default jar and relative folders, as a user would give them.
        Path data = Path.of("target", "benchmark-it", "data");
        deleteTree(Path.of("target", "benchmark-it"));
        Path report = Path.of("target", "benchmark-it", "report.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "# Before\n\n<!-- benchmark-table:start (written by the benchmark: do not edit by hand) -->\n"
                + "an old table\n<!-- benchmark-table:end -->\n\nAfter.\n");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.hindcast.tools.Tools", "benchmark",
                "--data", data.toString(), "--work", "target/benchmark-it/work",
                "--authors", "30", "--papers", "200", "--forecasts", "2000",
                "--seconds", "1", "--warm-up", "0", "--connections", "8", "--resolutions", "8", "--report", report.toString())
                .redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the benchmark ends by itself");
        assertEquals(0, p.exitValue(), out);
        String table = out.substring(out.indexOf("Hindcast benchmark,"));
        for (String row : List.of("bulk import, service's importer", "COPY of the same rows", "import / COPY",
                "start-up: process to ready", "floor: readiness check", "track record, prolific (API)",
                "track record, prolific, gzip accepted (API)", "track record, typical (API)", "author page, prolific (HTML)", "author page, typical (HTML)",
                "leaderboard, ", "search, a common word (API)", "reviewers' queue, due in 30 days (API)",
                "evidence finder, a 30-page paper (API)", "evidence finder, its run when the text is attached", "resolution until figures fresh", "resident memory after the load",
                "start-up: process to ready, AppCDS")) {
            assertTrue(table.contains(row), "the table has a row '" + row + "':\n" + table);
        }
        assertTrue(table.contains("start-up: process to ready, JDK 25 AOT cache + C1 only")
                || out.contains("start-up with an AOT cache not measured") || out.contains("start-up with it not measured"),
                "JDK 25's AOT cache measured, or why not:\n" + out);
        assertTrue(table.contains("2,000 forecasts"), table);
        Matcher fresh = Pattern.compile("(\\d+) of all (\\d+) fresh on answer").matcher(table);
        assertTrue(fresh.find(), table);
        assertEquals(fresh.group(2), fresh.group(1), "every resolution's figures were fresh when it was answered");
        assertEquals("8", fresh.group(2));
        Matcher warming = Pattern.compile("the first (\\d+) verdicts after the loads").matcher(table);
        assertTrue(warming.find(), "the resolutions' warm-up has its own row:\n" + table);
        assertTrue(Integer.parseInt(warming.group(1)) >= 10, "at least 10 verdicts warm the resolutions up, with --warm-up 0:\n" + table);
        Matcher ratio = Pattern.compile("ratio (\\d+\\.\\d+)x").matcher(table);
        int ratios = 0;
        while (ratio.find()) {
            assertTrue(Double.parseDouble(ratio.group(1)) > 0, table);
            ratios++;
        }
        assertEquals(5, ratios, "a pgbench ratio for each of the five loaded answers");
        // the table written where --report says, between the markers, the rest of the file kept
        String written = Files.readString(report);
        assertTrue(written.startsWith("# Before\n\n<!-- benchmark-table:start"), written);
        assertTrue(written.endsWith("<!-- benchmark-table:end -->\n\nAfter.\n"), written);
        assertFalse(written.contains("an old table"), written);
        assertTrue(written.contains("`Hindcast benchmark, " + java.time.LocalDate.now() + ", "), "the date: " + written);
        assertTrue(written.contains("Machine: ") && written.contains(Runtime.getRuntime().availableProcessors() + " cores"), "the machine: " + written);
        assertTrue(written.contains("| measure | service | beside it | goal | |") && written.contains("| track record, prolific (API) |"), written);
        assertTrue(written.matches("(?s).*Goals: \\d+ met, \\d+ missed.*"), written);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (java.nio.file.Files.exists(dir)) {
            try (var paths = java.nio.file.Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
        }
    }

    private static boolean pgbenchAvailable() {
        for (String candidate : List.of("pgbench", "/usr/lib/postgresql/15/bin/pgbench", "/usr/lib/postgresql/17/bin/pgbench")) {
            try {
                Process p = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return true;
                }
            } catch (Exception ignored) {
                // not this one
            }
        }
        return false;
    }
}
