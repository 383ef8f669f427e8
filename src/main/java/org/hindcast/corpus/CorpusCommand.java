package org.hindcast.corpus;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.hindcast.users.Role;
import org.hindcast.users.User;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    static final String USAGE = "usage: hindcast import [DIR] --as ADMIN | hindcast export DIR";

    @Override
    @ActivateRequestContext
    public int run(String... arguments) {
        List<String> args = new ArrayList<>(List.of(arguments));
        String verb = args.isEmpty() ? "" : args.get(0);
        try {
            switch (verb) {
                case "import" -> {
                    String actor = admin(takeOption(args, "--as"));
                    long started = System.nanoTime();
                    ImportReport report;
                    if (args.size() > 1) {
                        Path dir = requireDir(args.get(1));
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
                case "export" -> {
                    if (args.size() < 2) {
                        System.err.println("usage: hindcast export DIR");
                        return 2;
                    }
                    int n = exporter.writeAll(Path.of(args.get(1)));
                    System.out.println("Wrote " + n + " files to " + Path.of(args.get(1)).toAbsolutePath());
                    return 0;
                }
                default -> {
                    System.err.println(USAGE);
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

    /** Removes {@code --name VALUE} (or {@code --name=VALUE}) from the arguments and answers VALUE, or null. */
    static String takeOption(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith(name + "=")) {
                args.remove(i);
                return a.substring(name.length() + 1);
            }
            if (a.equals(name)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args.get(i + 1);
                args.subList(i, i + 2).clear();
                return value;
            }
        }
        return null;
    }

    /**
     * The admin an import is attributed to: an import writes to the ledger as someone, and the command line has no
     * sign-in, so it names the admin account that runs it, which must exist, be enabled and hold ADMIN.
     */
    private static String admin(String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("say which admin runs the import: --as USERNAME (the records and the audit "
                    + "log name them)\n" + USAGE);
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

    private static Path requireDir(String arg) {
        Path dir = Path.of(arg);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(arg + " is not a directory");
        }
        return dir;
    }
}
