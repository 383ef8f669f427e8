package org.hindcast.corpus;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.hindcast.users.Role;
import org.hindcast.users.User;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ledger's side of two commands of the command line (org.hindcast.cli): {@code import [DIR] --as ADMIN} loads
 * corpus files and prints what it added, changed and refused (exit 1 if any file was refused); {@code export DIR}
 * writes the ledger back as corpus files.
 */
public class CorpusCommand implements QuarkusApplication {

    @Inject
    CorpusImporter importer;

    @Inject
    CorpusLoader loader;

    @Inject
    CorpusExporter exporter;

    /** What the command line asked for: an import of a folder (null: the configured corpus) as an admin, or an export. */
    public record Task(boolean importing, Path dir, String admin) {
    }

    private static volatile Task task;

    /** Set by the command line before it starts Quarkus with this application. */
    public static void task(Task next) {
        task = next;
    }

    @Override
    @ActivateRequestContext
    public int run(String... arguments) {
        Task t = task;
        String verb = t.importing() ? "import" : "export";
        try {
            if (t.importing()) {
                String actor = admin(t.admin());
                long started = System.nanoTime();
                ImportReport report;
                if (t.dir() != null) {
                    Path dir = requireDir(t.dir());
                    System.out.println("Importing the corpus files in " + dir.toAbsolutePath() + " as " + actor + "...");
                    report = importer.importDirectory(actor, dir, System.out::println);
                } else {
                    var files = loader.configuredFiles();
                    System.out.println("Importing " + files.size() + " corpus files as " + actor + "...");
                    report = importer.importAll(actor, files);
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
            int n = exporter.writeAll(t.dir());
            System.out.println("Wrote " + n + " files to " + t.dir().toAbsolutePath());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("hindcast " + verb + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("hindcast " + verb + " failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The admin an import is attributed to: an import writes to the ledger as someone, and the command line has no
     * sign-in, so it names the admin account that runs it, which must exist, be enabled and hold ADMIN.
     */
    private static String admin(String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("say which admin runs the import: --as USERNAME (the records and the audit "
                    + "log name them)");
        }
        String name = username.trim().toLowerCase(java.util.Locale.ROOT);
        User user = User.findByUsername(name).orElseThrow(() ->
                new IllegalArgumentException("--as " + username + ": no such user in this ledger"));
        if (!user.enabled || !user.roles.contains(Role.ADMIN)) {
            throw new IllegalArgumentException("--as " + username + ": " + (user.enabled ? "not an admin" : "disabled")
                    + "; an import runs as an enabled admin");
        }
        return user.username;
    }

    private static Path requireDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory");
        }
        return dir;
    }
}
