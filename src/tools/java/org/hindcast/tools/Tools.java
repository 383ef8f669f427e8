package org.hindcast.tools;

import org.hindcast.benchmark.Benchmark;
import org.hindcast.benchmark.GenerateCommand;
import org.hindcast.benchmark.SyntheticLedger;
import org.hindcast.loadtest.LoadTest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The project's tools, beside the service but not in its jar: the synthetic ledger generator, the benchmark and the
 * load test. They use the service's own code (its importer, its embedded database, its corpus format) from the
 * classpath. Run from the repository root:
 * <pre>./mvnw -B -q package -DskipTests exec:java -Dexec.args="benchmark --help"</pre>
 */
@Command(name = "tools", mixinStandardHelpOptions = true,
        description = "Hindcast's tools: run with ./mvnw -B -q package -DskipTests exec:java -Dexec.args=\"COMMAND [OPTIONS]\"",
        subcommands = {Tools.Generate.class, Tools.Bench.class, Tools.Load.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the work failed", "2:the command line was wrong"})
public class Tools implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String... args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Tools());
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println(command.getCommandName() + " failed: " + e.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Writes a synthetic ledger as corpus files (themes.yaml and one file per paper) into DIR, which must "
                    + "be empty or absent, showing progress, then prints a table of what it wrote. The same seed always gives "
                    + "the same files. Needs no database and no server."})
    static class Generate implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "the folder to write to")
        Path dir;
        @Option(names = "--authors", defaultValue = "10000", description = "authors (default ${DEFAULT-VALUE})")
        int authors;
        @Option(names = "--papers", defaultValue = "100000", description = "papers (default ${DEFAULT-VALUE})")
        int papers;
        @Option(names = "--forecasts", defaultValue = "1000000", description = "forecasts (default ${DEFAULT-VALUE})")
        int forecasts;
        @Option(names = "--resolved", defaultValue = "0.7", description = "the share resolved (default ${DEFAULT-VALUE})")
        double resolved;
        @Option(names = "--seed", defaultValue = "1", description = "the random seed (default ${DEFAULT-VALUE})")
        long seed;

        @Override
        public Integer call() throws Exception {
            try {
                var summary = GenerateCommand.write(dir, new SyntheticLedger.Size(authors, papers, forecasts, resolved), seed, true);
                System.out.print(summary.table());
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("generate: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "benchmark", mixinStandardHelpOptions = true,
            description = {"Measures the packaged service at a million forecasts beside PostgreSQL's own figures for the same "
                    + "work (docs/performance.md): generates the synthetic ledger, imports it through the service's importer and "
                    + "by COPY, starts the service, loads it, runs pgbench, resolves, and prints the table. About 20 minutes on "
                    + "2 cores; needs pgbench. Relative paths are taken from the folder it runs in (the repository root)."})
    static class Bench implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "target/benchmark/synthetic", description = "the synthetic ledger (generated when empty; default ${DEFAULT-VALUE})")
        Path data;
        @Option(names = "--work", defaultValue = "target/benchmark/work", description = "the work folder, wiped at start (default ${DEFAULT-VALUE})")
        Path work;
        @Option(names = "--jar", defaultValue = "target/quarkus-app/quarkus-run.jar", description = "the packaged service (default ${DEFAULT-VALUE})")
        Path jar;
        @Option(names = "--seconds", defaultValue = "20", description = "seconds per load (default ${DEFAULT-VALUE})")
        int seconds;
        @Option(names = "--warm-up", defaultValue = "5", description = "warm-up seconds before each load (default ${DEFAULT-VALUE})")
        int warmUp;
        @Option(names = "--connections", defaultValue = "64", description = "concurrent connections (default ${DEFAULT-VALUE})")
        int connections;
        @Option(names = "--resolutions", defaultValue = "200", description = "resolutions timed one at a time (default ${DEFAULT-VALUE})")
        int resolutions;
        @Option(names = "--authors", defaultValue = "10000", description = "authors of the synthetic ledger (default ${DEFAULT-VALUE})")
        int authors;
        @Option(names = "--papers", defaultValue = "100000", description = "papers (default ${DEFAULT-VALUE})")
        int papers;
        @Option(names = "--forecasts", defaultValue = "1000000", description = "forecasts (default ${DEFAULT-VALUE})")
        int forecasts;
        @Option(names = "--pgbench", defaultValue = "pgbench", description = "the pgbench program (default ${DEFAULT-VALUE}, else found in the usual places)")
        String pgbench;
        @Option(names = "--report", paramLabel = "FILE[,FILE]", description = "Markdown files whose table between the benchmark's "
                + "markers is replaced by this run's (default: README.md and docs/performance.md at the default size, none at "
                + "another; 'none' for none)")
        String report;

        @Override
        public Integer call() {
            Map<String, String> opt = new LinkedHashMap<>();
            opt.put("--data", data.toAbsolutePath().toString());
            opt.put("--work", work.toAbsolutePath().toString());
            opt.put("--jar", jar.toAbsolutePath().toString());
            opt.put("--seconds", Integer.toString(seconds));
            opt.put("--warm-up", Integer.toString(warmUp));
            opt.put("--connections", Integer.toString(connections));
            opt.put("--resolutions", Integer.toString(resolutions));
            opt.put("--authors", Integer.toString(authors));
            opt.put("--papers", Integer.toString(papers));
            opt.put("--forecasts", Integer.toString(forecasts));
            opt.put("--pgbench", pgbench);
            if (report != null) {
                opt.put("--report", report.equals("none") ? "none" : java.util.Arrays.stream(report.split(","))
                        .map(f -> Path.of(f.trim()).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(",")));
            }
            return Benchmark.run(opt);
        }
    }

    @Command(name = "loadtest", mixinStandardHelpOptions = true,
            description = {"A bounded load on a service on this machine (loopback only): reader page views (60%), API reads "
                    + "(30%) and staff writes (10%). It writes only to what it creates for itself (two accounts, disabled when "
                    + "it ends, a theme, a paper and its forecasts, named loadtest-...), says so before it starts, and writes "
                    + "nothing without --disposable-ledger yes: run it against a ledger meant for it."})
    static class Load implements Callable<Integer> {
        @Option(names = "--url", defaultValue = "http://localhost:8080", description = "the service (default ${DEFAULT-VALUE})")
        URI url;
        @Option(names = "--admin-password", required = true, description = "the admin's password, to create the load's accounts")
        String adminPassword;
        @Option(names = "--disposable-ledger", paramLabel = "yes", description = "yes: the ledger is meant for the load")
        String disposable;
        @Option(names = "--seconds", defaultValue = "30", description = "the longest run (default ${DEFAULT-VALUE})")
        int seconds;
        @Option(names = "--requests", defaultValue = "20000", description = "the most requests (default ${DEFAULT-VALUE})")
        int requests;
        @Option(names = "--connections", defaultValue = "16", description = "concurrent connections (default ${DEFAULT-VALUE})")
        int connections;

        @Override
        public Integer call() throws Exception {
            if (disposable != null && !disposable.equals("yes")) {
                System.err.println("loadtest: --disposable-ledger takes yes, not '" + disposable + "'");
                return 2;
            }
            return LoadTest.run(new LoadTest.Settings(url, adminPassword, seconds, requests, connections, "yes".equals(disposable)));
        }
    }
}
