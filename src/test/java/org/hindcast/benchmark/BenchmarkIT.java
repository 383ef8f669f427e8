package org.hindcast.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The benchmark command, end to end on the packaged jar at a toy size: it generates, imports, copies, starts the
 * service, loads it, runs pgbench, resolves, and prints every row of its table with figures in them. The figures
 * at this size mean nothing; that they are all there, and that the resolutions were all fresh, is what is checked.
 */
class BenchmarkIT {

    @Test
    void theBenchmarkPrintsEveryMeasurementOfItsTable(@TempDir Path tmp) throws Exception {
        assumeTrue(pgbenchAvailable(), "pgbench is not installed here");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("hindcast.app.jar", "target/quarkus-app/quarkus-run.jar"), "benchmark",
                "--data", tmp.resolve("data").toString(), "--work", tmp.resolve("work").toString(),
                "--authors", "30", "--papers", "200", "--forecasts", "2000",
                "--seconds", "1", "--warm-up", "0", "--connections", "8", "--resolutions", "8")
                .redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the benchmark ends by itself");
        assertEquals(0, p.exitValue(), out);
        String table = out.substring(out.indexOf("Hindcast benchmark,"));
        for (String row : List.of("bulk import, service's importer", "COPY of the same rows", "import / COPY",
                "start-up: process to ready", "floor: readiness check", "track record, prolific (API)",
                "track record, typical (API)", "author page, prolific (HTML)", "author page, typical (HTML)",
                "leaderboard, ", "resolution until figures fresh", "resident memory after the load",
                "start-up: process to ready, AppCDS")) {
            assertTrue(table.contains(row), "the table has a row '" + row + "':\n" + table);
        }
        assertTrue(table.contains("2,000 forecasts"), table);
        Matcher fresh = Pattern.compile("(\\d+) of all (\\d+) fresh on answer").matcher(table);
        assertTrue(fresh.find(), table);
        assertEquals(fresh.group(2), fresh.group(1), "every resolution's figures were fresh when it was answered");
        assertEquals("8", fresh.group(2));
        Matcher ratio = Pattern.compile("ratio (\\d+\\.\\d+)x").matcher(table);
        int ratios = 0;
        while (ratio.find()) {
            assertTrue(Double.parseDouble(ratio.group(1)) > 0, table);
            ratios++;
        }
        assertEquals(5, ratios, "a pgbench ratio for each of the five loaded answers");
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
