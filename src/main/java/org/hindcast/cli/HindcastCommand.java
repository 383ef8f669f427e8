package org.hindcast.cli;

import org.hindcast.corpus.CorpusCommand;
import org.hindcast.extraction.ExtractCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The commands of {@code java -jar quarkus-run.jar}. */
@Command(name = "hindcast", mixinStandardHelpOptions = true, versionProvider = HindcastCommand.Version.class,
        description = {"Hindcast: the forecasts in policy papers, the evidence that came after, and the authors' track records.",
                "",
                "Without a command, runs the service (see 'serve'). With no database configured (QUARKUS_DATASOURCE_JDBC_URL) "
                        + "the service and the commands that read the ledger use the embedded PostgreSQL in ~/.hindcast/pgdata."},
        subcommands = {HindcastCommand.Serve.class, HindcastCommand.Import.class, HindcastCommand.Export.class,
                ExtractCommand.class, HindcastCommand.FindEvidence.class, picocli.CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the work failed (a refused file, a port in use, a database that cannot start)",
                "2:the command line was wrong"})
public class HindcastCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Launcher.serve(spec.commandLine().getErr());
    }

    /** The version of the running jar, as Maven packaged it. */
    static class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = HindcastCommand.class.getPackage().getImplementationVersion();
            return new String[]{"hindcast " + (v == null ? "(development build)" : v)};
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Runs the service on http://localhost:8080 (QUARKUS_HTTP_PORT, QUARKUS_HTTP_HOST), with the corpus "
                    + "loaded into an empty embedded ledger. Stops cleanly on Ctrl-C or SIGTERM."})
    static class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return Launcher.serve(spec.commandLine().getErr());
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Loads corpus files (hindcast-paper/1 YAML) into the ledger and prints what it added, changed, kept "
                    + "and refused, with file, line and field of each refusal. A correction made in the ledger is never reverted.",
                    "Against the data folder of a running service it refuses and changes nothing: import through the service "
                            + "(POST /api/admin/corpus/import) instead."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every file imported", "1:a file was refused (the others are imported)", "2:the command line was wrong"})
    static class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "a folder of corpus files (default: the configured "
                + "corpus, hindcast.corpus.dir, else the packaged copy)")
        Path dir;

        @Option(names = "--as", required = true, paramLabel = "ADMIN",
                description = "the enabled admin account the import writes as: the records and the audit log name them")
        String admin;

        @Override
        public Integer call() {
            CorpusCommand.task(new CorpusCommand.Task(true, dir, admin));
            return Launcher.command(CorpusCommand.class, spec.commandLine().getErr());
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes the ledger as corpus files (one per paper, and themes.yaml), in the format import reads.")
    static class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "the folder to write to")
        Path dir;

        @Override
        public Integer call() {
            CorpusCommand.task(new CorpusCommand.Task(false, dir, null));
            return Launcher.command(CorpusCommand.class, spec.commandLine().getErr());
        }
    }

    @Command(name = "find-evidence", mixinStandardHelpOptions = true,
            description = {"Reads a later paper's plain text and prints, best first, its sentences that bear on the ledger's "
                    + "pending forecasts made before the paper: the forecast, the sentence, a score and a guessed stance "
                    + "(the evidence finder of the staff pages and of GET /api/papers/{slug}/evidence-proposals).",
                    "Reads the ledger: against the data folder of a running service it refuses; use the API then."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:done (with or without proposals)", "1:the file or the ledger could not be read",
                    "2:the command line was wrong"})
    static class FindEvidence implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the paper's plain text (UTF-8)")
        Path file;

        @Option(names = "--published", required = true, paramLabel = "YYYY-MM-DD",
                description = "the paper's date: only forecasts made before it are read")
        java.time.LocalDate published;

        @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "how many proposals to print (default 20)")
        int limit;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 10_000) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be between 1 and 10000");
            }
            org.hindcast.evidencefinder.FindEvidenceCommand.task(new org.hindcast.evidencefinder.FindEvidenceCommand.Task(file, published, limit));
            return Launcher.command(org.hindcast.evidencefinder.FindEvidenceCommand.class, spec.commandLine().getErr());
        }
    }
}
