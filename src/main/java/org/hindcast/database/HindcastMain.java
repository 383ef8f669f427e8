package org.hindcast.database;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts the service. When no datasource URL is configured (QUARKUS_DATASOURCE_JDBC_URL, the system
 * property, or config/application.properties), it first starts the embedded PostgreSQL and points the
 * datasource at it, and stops that server after the service has shut down.
 */
@QuarkusMain
public class HindcastMain {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("extract")) {
            // Reads a text file and prints its candidate forecasts: no database and no server needed.
            System.exit(org.hindcast.extraction.ExtractCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        if (args.length > 0 && args[0].equals("generate")) {
            // Writes a synthetic ledger as corpus files: no database and no server needed.
            System.exit(org.hindcast.benchmark.GenerateCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        if (args.length > 0 && args[0].equals("benchmark")) {
            // Drives its own PostgreSQL, importer and service processes: see org.hindcast.benchmark.Benchmark.
            System.exit(org.hindcast.benchmark.Benchmark.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        if (args.length > 0 && args[0].equals("loadtest")) {
            // A client of a running service: no database of its own.
            try {
                System.exit(org.hindcast.operations.LoadTest.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            } catch (Exception e) {
                System.err.println("loadtest failed: " + e);
                System.exit(1);
            }
            return;
        }
        boolean command = args.length > 0 && (args[0].equals("import") || args[0].equals("export"));
        if (command) {
            // A command-line run: no HTTP listener, no automatic corpus load, just the command.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("hindcast.corpus.load-on-first-start", "false");
            System.setProperty("quarkus.log.category.\"org.hindcast.corpus\".level", "WARN");
            System.setProperty("quarkus.banner.enabled", "false");
        } else if (args.length > 0 && !args[0].startsWith("-")) {
            System.err.println("usage: java -jar quarkus-run.jar [import [DIR] | export DIR | generate DIR [...] | benchmark [...] | extract FILE [--published DATE] [--benchmark] | loadtest --admin-password PW --disposable-ledger yes [--url U] [--seconds S]]");
            System.exit(2);
            return;
        }
        EmbeddedDatabase db = null;
        if (!datasourceConfigured() && embeddedEnabled()) {
            Path dir = Path.of(setting("hindcast.embedded.data-dir", "HINDCAST_EMBEDDED_DATA_DIR",
                    Path.of(System.getProperty("user.home"), ".hindcast", "pgdata").toString()));
            int port = Integer.parseInt(setting("hindcast.embedded.port", "HINDCAST_EMBEDDED_PORT", "0"));
            try {
                db = EmbeddedDatabase.start(dir, port);
            } catch (Exception e) {
                System.err.println("hindcast: could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage());
                System.err.println("hindcast: set QUARKUS_DATASOURCE_JDBC_URL to use a PostgreSQL server of your own.");
                System.exit(1);
                return;
            }
            System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
            System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
            System.setProperty("quarkus.datasource.password", db.password());
            System.setProperty("hindcast.embedded.active", "true");
            EmbeddedSupervisor.watch(db);
        }
        EmbeddedDatabase embedded = db;
        CountDownLatch serviceStopped = new CountDownLatch(1);
        if (embedded != null) {
            // On SIGTERM the JVM runs its shutdown hooks at once; this one waits for Quarkus to finish
            // its own shutdown (requests drained, pool closed) before stopping the database under it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    serviceStopped.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                embedded.close();
            }, "embedded-postgres-stop"));
        }
        int[] exitCode = {0};
        try {
            Quarkus.run(command ? org.hindcast.corpus.CorpusCommand.class : Service.class,
                    (code, failure) -> exitCode[0] = code, args);
        } finally {
            serviceStopped.countDown();
        }
        if (embedded != null) {
            embedded.close();
        }
        System.exit(exitCode[0]);
    }

    /** The service itself: runs until asked to stop. */
    public static class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }

    static boolean datasourceConfigured() {
        if (notBlank(System.getenv("QUARKUS_DATASOURCE_JDBC_URL")) || notBlank(System.getProperty("quarkus.datasource.jdbc.url"))) {
            return true;
        }
        Path local = Path.of("config", "application.properties");
        if (Files.isRegularFile(local)) {
            try (var in = Files.newInputStream(local)) {
                Properties p = new Properties();
                p.load(in);
                return notBlank(p.getProperty("quarkus.datasource.jdbc.url"));
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }

    static boolean embeddedEnabled() {
        return !"false".equalsIgnoreCase(setting("hindcast.embedded.enabled", "HINDCAST_EMBEDDED_ENABLED", "true"));
    }

    static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (notBlank(value)) {
            return value;
        }
        value = System.getenv(env);
        return notBlank(value) ? value : fallback;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
