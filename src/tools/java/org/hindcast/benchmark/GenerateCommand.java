package org.hindcast.benchmark;

import org.hindcast.corpus.CorpusDocs;
import org.hindcast.corpus.CorpusExporter;
import org.hindcast.phrases.PhraseTables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * {@code generate DIR [--authors N] [--papers N] [--forecasts N] [--resolved 0.7] [--seed S]}: writes a
 * synthetic ledger as corpus files (themes.yaml and one file per paper) into DIR, which must be empty or
 * absent, showing progress, then prints a table of what it wrote. It needs no database and no server.
 */
public final class GenerateCommand {

    private GenerateCommand() {
    }

    /** What was written: the counts and the authors' skew, for the summary and the benchmark. */
    public record Summary(int papers, long forecasts, long resolved, long evidence, long thirdParty,
                          int[] forecastsPerAuthor, long bytes, double seconds) {

        public int authorAtRank(int rank) {
            int[] sorted = forecastsPerAuthor.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length - 1 - rank];
        }

        public int median() {
            int[] sorted = forecastsPerAuthor.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        public String table() {
            StringBuilder t = new StringBuilder();
            t.append(String.format(Locale.ROOT, "%-36s %14s%n", "synthetic ledger", "count"));
            row(t, "authors", forecastsPerAuthor.length);
            row(t, "papers", papers);
            row(t, "forecasts", forecasts);
            row(t, "resolved (" + percent(resolved, forecasts) + ")", resolved);
            row(t, "attributed to a third party", thirdParty);
            row(t, "evidence", evidence);
            row(t, "forecasts of the most prolific author", authorAtRank(0));
            row(t, "  of the 10th", authorAtRank(Math.min(9, forecastsPerAuthor.length - 1)));
            row(t, "  of the 100th", authorAtRank(Math.min(99, forecastsPerAuthor.length - 1)));
            row(t, "  of the median author", median());
            row(t, "  of the least prolific", authorAtRank(forecastsPerAuthor.length - 1));
            row(t, "authors with no forecast", Arrays.stream(forecastsPerAuthor).filter(n -> n == 0).count());
            t.append(String.format(Locale.ROOT, "%-36s %14s%n", "written", String.format(Locale.ROOT, "%.0f MB in %.1f s",
                    bytes / 1e6, seconds)));
            return t.toString();
        }

        private static void row(StringBuilder t, String label, long value) {
            t.append(String.format(Locale.ROOT, "%-36s %,14d%n", label, value));
        }

        private static String percent(long part, long whole) {
            return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0 : 100.0 * part / whole);
        }
    }

    /** Writes the ledger into {@code dir} (created; refused if it holds anything) and sums it up. */
    public static Summary write(Path dir, SyntheticLedger.Size size, long seed, boolean progress) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty: give a new directory");
                }
            }
        }
        Files.createDirectories(dir);
        long started = System.nanoTime();
        var ledger = new SyntheticLedger(size, seed, LocalDate.now(), PhraseTables.load("2026.1"));
        long bytes = write(dir.resolve("themes.yaml"), CorpusExporter.toYaml(ledger.themes()));
        int[] perAuthor = new int[size.authors()];
        long forecasts = 0;
        long resolved = 0;
        long evidence = 0;
        long thirdParty = 0;
        int step = Math.max(1, size.papers() / 20);
        for (int i = 0; i < size.papers(); i++) {
            CorpusDocs.PaperFile paper = ledger.paper(i);
            bytes += write(dir.resolve(SyntheticLedger.paperSlug(i) + ".yaml"), CorpusExporter.toYaml(paper));
            for (CorpusDocs.ForecastDoc f : paper.forecasts()) {
                forecasts++;
                boolean own = f.speaker() == null;
                thirdParty += own ? 0 : 1;
                evidence += f.evidence() == null ? 0 : f.evidence().size();
                if (f.resolution() != null) {
                    resolved++;
                }
                if (own) {
                    for (CorpusDocs.AuthorDoc a : paper.paper().authors()) {
                        perAuthor[Integer.parseInt(a.slug().substring(a.slug().lastIndexOf('-') + 1)) - 1]++;
                    }
                }
            }
            if (progress && (i + 1) % step == 0) {
                System.out.printf(Locale.ROOT, "  generated %,d of %,d papers (%,d forecasts, %.0f MB)%n", i + 1, size.papers(),
                        forecasts, bytes / 1e6);
            }
        }
        return new Summary(size.papers(), forecasts, resolved, evidence, thirdParty, perAuthor, bytes,
                (System.nanoTime() - started) / 1e9);
    }

    private static long write(Path file, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, data);
        return data.length;
    }
}
