package org.hindcast.extraction;

import org.hindcast.papers.PublishedDate;
import org.hindcast.phrases.PhraseTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code extract FILE [--published YYYY[-MM[-DD]]] [--title TEXT] [--benchmark]}: prints the candidate forecasts
 * of a plain-text paper as a table, for editors who work in a terminal; with --benchmark, times the extractor
 * on a 30-page paper made of the file's text. Plain Java: no database, no server.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Prints the candidate forecasts of a paper's plain text as a table: offsets, phrase, probability, flags, "
                + "a suggested resolve-by date, the sentence. Needs no database and no server."})
public final class ExtractCommand implements Callable<Integer> {

    /** A page of a policy paper, in characters (about 450 words). */
    static final int PAGE = 3_000;

    @Parameters(paramLabel = "FILE", description = "the paper's plain text (UTF-8)")
    Path file;

    @Option(names = "--published", paramLabel = "YYYY[-MM[-DD]]", description = "the paper's date, for resolve-by dates "
            + "(default: today)")
    String published;

    @Option(names = "--title", description = "the paper's title, for dates it implies (\"... in Trump's second term\")")
    String title;

    @Option(names = "--benchmark", description = "time the extractor on a 30-page paper made of the file's text instead")
    boolean benchmark;

    @Override
    public Integer call() {
        String text;
        try {
            text = Files.readString(file);
        } catch (Exception e) {
            System.err.println("hindcast extract: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        LocalDate date;
        try {
            date = published == null ? LocalDate.now() : PublishedDate.parse(published).date();
        } catch (IllegalArgumentException e) {
            System.err.println("hindcast extract: --published " + e.getMessage());
            return 2;
        }
        Extractor extractor = new Extractor(PhraseTables.load("2026.1"), ExtractionRules.load(ExtractionRules.DEFAULT_VERSION));
        if (benchmark) {
            benchmark(extractor, text, date, title);
            return 0;
        }
        List<Candidate> candidates = extractor.extract(text, date, title);
        System.out.print(table(candidates));
        System.out.printf(Locale.ROOT, "%d candidates in %s (%d characters); rules %s, phrase table %s%n", candidates.size(),
                file.getFileName(), text.length(), extractor.rules().version(), "2026.1");
        return 0;
    }

    static String table(List<Candidate> candidates) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%3s  %-11s  %-22s %4s  %-5s  %-10s %-8s  %s%n", "#", "offsets", "phrase", "p",
                "flags", "resolve by", "basis", "sentence"));
        out.append("-".repeat(110)).append('\n');
        int i = 0;
        for (Candidate c : candidates) {
            String flags = (c.conditional() ? "C" : "-") + (c.negated() ? "N" : "-") + (c.attributed() ? "A" : "-");
            String sentence = c.sentence().length() > 90 ? c.sentence().substring(0, 87) + "..." : c.sentence();
            out.append(String.format(Locale.ROOT, "%3d  %-11s  %-22s %3.0f%%  %-5s  %-10s %-8s  %s%n", ++i,
                    c.start() + "-" + c.end(), truncate(c.phrase(), 22), c.probability() * 100, flags, c.resolveBy(),
                    c.resolveByBasis(), sentence));
        }
        out.append("flags: C conditional, N negated (the complement side), A attributed to others\n");
        return out.toString();
    }

    static void benchmark(Extractor extractor, String text, LocalDate date, String title) {
        StringBuilder paper = new StringBuilder();
        while (paper.length() < 30 * PAGE) {
            paper.append(text).append("\n\n");
        }
        String thirty = paper.toString();
        int sentences = Sentences.split(thirty).size();
        for (int i = 0; i < 5; i++) {
            extractor.extract(thirty, date, title);
        }
        int runs = 21;
        long[] nanos = new long[runs];
        int candidates = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            candidates = extractor.extract(thirty, date, title).size();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "extraction benchmark: a 30-page paper (%d characters, %d sentences, %d candidates)%n",
                thirty.length(), sentences, candidates);
        System.out.printf(Locale.ROOT, "  median %.1f ms, fastest %.1f ms, slowest %.1f ms over %d runs after 5 warm-up runs%n",
                nanos[runs / 2] / 1e6, nanos[0] / 1e6, nanos[runs - 1] / 1e6, runs);
    }

    private static String truncate(String s, int n) {
        return s.length() > n ? s.substring(0, n - 1) + "…" : s;
    }
}
