package org.hindcast.evidencefinder;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.hindcast.problems.ApiException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The ledger's side of {@code find-evidence FILE --published DATE}: the sentences of a paper's plain text that bear on
 * the ledger's pending forecasts made before that date, as a table (org.hindcast.cli starts it).
 */
public class FindEvidenceCommand implements QuarkusApplication {

    /** What the command line asked for. */
    public record Task(Path file, LocalDate published, int limit) {
    }

    private static volatile Task task;

    public static void task(Task next) {
        task = next;
    }

    @Inject
    EvidenceFinderService finder;

    @Override
    @ActivateRequestContext
    public int run(String... args) {
        Task t = task;
        String text;
        try {
            text = Files.readString(t.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("hindcast find-evidence: cannot read " + t.file() + ": " + e.getMessage());
            return 1;
        }
        EvidenceFinderService.Found found;
        try {
            found = finder.findInText(t.file().getFileName().toString(), text, t.published(), t.limit());
        } catch (ApiException e) {
            System.err.println("hindcast find-evidence: " + e.getMessage());
            return 1;
        }
        System.out.printf(Locale.ROOT, "%s: %d sentences against %d pending forecasts made before %s, ranked by %s, in %d ms: %d proposals%s%n",
                t.file().getFileName(), found.sentences(), found.forecastsRead(), t.published(), found.ranking(), found.millis(), found.total(),
                found.total() > found.proposals().size() ? " (the best " + found.proposals().size() + " below)" : "");
        if (found.proposals().isEmpty()) {
            return 0;
        }
        System.out.printf(Locale.ROOT, "%6s  %9s  %-8s  %-50s  %s%n", "score", "forecast", "stance", "forecast's statement", "sentence of the paper");
        for (EvidenceFinderService.ProposalView p : found.proposals()) {
            System.out.printf(Locale.ROOT, "%5.0f%%  %9s  %-8s  %-50s  %s%n", 100 * p.score(), "#" + p.forecastId(), p.stance(),
                    cut(p.forecastStatement(), 50), cut(p.sentence(), 100));
        }
        return 0;
    }

    private static String cut(String s, int n) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= n ? one : one.substring(0, n - 1) + "…";
    }
}
