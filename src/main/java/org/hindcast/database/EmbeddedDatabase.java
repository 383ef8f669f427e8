package org.hindcast.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real PostgreSQL server run from the binaries on the class path (zonky, Linux and macOS on x86-64
 * and ARM), with its data in a directory that survives restarts. Used when no datasource is configured,
 * so that the service runs on a machine with nothing but a JDK.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "hindcast";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the server on {@code dataDirectory} (created and initialised if new) and makes sure the
     * application database exists. {@code port} 0 picks a free port.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        Path dir = dataDirectory.toAbsolutePath();
        Files.createDirectories(dir.getParent());
        stopOrphanedServer(dir);
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "120")
                // The ledger's working set lives in memory (shared buffers and the OS cache): random reads cost
                // about what sequential ones do, so index probes are not priced as disk seeks (see V6__scoring_reads.sql).
                .setServerConfig("random_page_cost", "1.1")
                .setServerConfig("effective_cache_size", "1GB")
                .setServerConfig("listen_addresses", "localhost");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        EmbeddedDatabase db = new EmbeddedDatabase(pg, dir);
        try {
            db.createDatabaseIfMissing();
        } catch (SQLException e) {
            db.close();
            throw new IOException("Could not create the '" + DATABASE + "' database: " + e.getMessage(), e);
        }
        LOG.infof("Embedded PostgreSQL is up on port %d with data in %s (%d ms)", pg.getPort(), dir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return db;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("create database " + DATABASE);
                    }
                }
            }
        }
    }

    /**
     * A server left running by a JVM that was killed (SIGKILL gives no chance to stop it) still holds the
     * data directory. Ask it to shut down (SIGINT: PostgreSQL's fast shutdown) before starting anew.
     */
    private static void stopOrphanedServer(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isPresent() && process.get().isAlive()
                    && process.get().info().command().map(c -> c.contains("postgres")).orElse(true)) {
                LOG.warnf("Stopping a PostgreSQL server (pid %d) left running on %s", pid, dir);
                new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (process.get().isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not read %s: %s", pidFile, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server cleanly (a fast shutdown with a checkpoint); the data stays. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                postgres.close();
                LOG.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
