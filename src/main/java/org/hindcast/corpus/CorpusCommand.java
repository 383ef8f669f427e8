package org.hindcast.corpus;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line: {@code import [DIR]} loads corpus files and prints what it added, changed and refused
 * (exit 1 if any file was refused); {@code export DIR} writes the ledger back as corpus files.
 */
public class CorpusCommand implements QuarkusApplication {

    @Inject
    CorpusImporter importer;

    @Inject
    CorpusLoader loader;

    @Inject
    CorpusExporter exporter;

    @Override
    @ActivateRequestContext
    public int run(String... args) {
        String verb = args.length == 0 ? "" : args[0];
        try {
            switch (verb) {
                case "import" -> {
                    long started = System.nanoTime();
                    ImportReport report;
                    if (args.length > 1) {
                        Path dir = requireDir(args[1]);
                        System.out.println("Importing the corpus files in " + dir.toAbsolutePath() + "...");
                        report = importer.importDirectory(dir, System.out::println);
                    } else {
                        var files = loader.configuredFiles();
                        System.out.println("Importing " + files.size() + " corpus files...");
                        report = importer.importAll(files);
                    }
                    if (report.files().isEmpty()) {
                        System.err.println("hindcast import: no .yaml files found");
                        return 2;
                    }
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.print(report.table());
                    long forecasts = report.files().stream().mapToLong(f -> f.added().forecasts).sum();
                    System.out.printf(java.util.Locale.ROOT, "imported %,d forecasts in %.1f s (%,.0f forecasts/s)%n",
                            forecasts, seconds, forecasts / seconds);
                    return report.anyRefused() ? 1 : 0;
                }
                case "export" -> {
                    if (args.length < 2) {
                        System.err.println("usage: hindcast export DIR");
                        return 2;
                    }
                    int n = exporter.writeAll(Path.of(args[1]));
                    System.out.println("Wrote " + n + " files to " + Path.of(args[1]).toAbsolutePath());
                    return 0;
                }
                default -> {
                    System.err.println("usage: hindcast import [DIR] | hindcast export DIR");
                    return 2;
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("hindcast " + verb + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("hindcast " + verb + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static Path requireDir(String arg) {
        Path dir = Path.of(arg);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(arg + " is not a directory");
        }
        return dir;
    }
}
