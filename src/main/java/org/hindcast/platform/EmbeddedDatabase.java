package org.hindcast.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real PostgreSQL server run from the binaries on the class path (zonky, Linux and macOS on x86-64
 * and ARM), with its data in a directory that survives restarts. Used when no datasource is configured,
 * so that the service runs on a machine with nothing but a JDK.
 *
 * <p>zonky is a test library and starts its server for tests: {@code -F} (no fsync) on the command line and
 * {@code initdb -A trust}. Here the server is what a laptop user keeps their ledger in, so it is started
 * durable and private:
 * <ul>
 *   <li>{@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on (given after zonky's
 *   {@code -F}, and the later setting wins; {@link #durability()} reads them back from the running server);</li>
 *   <li>TCP on the loopback interface only, no Unix socket, and SCRAM password authentication for every
 *   connection: the password is generated on first start and kept next to the data directory in a file only
 *   its owner may read ({@code <data-dir>.password}).</li>
 * </ul>
 * A second process never stops a server that a live process owns: the owner holds a lock on the directory.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "hindcast";
    public static final String USER = "postgres";
    private static final String HBA_MARKER = "# hindcast: password authentication on loopback only";

    private volatile EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
        this.port = postgres.getPort();
    }

    /**
     * Starts the server on {@code dataDirectory} (created and initialised if new) and makes sure the
     * application database exists. {@code port} 0 picks a free port.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        Path dir = dataDirectory.toAbsolutePath();
        Files.createDirectories(dir.getParent());
        refuseIfOwned(dir);
        stopOrphanedServer(dir);
        String password = password(dir);
        long started = System.nanoTime();
        EmbeddedPostgres pg = builder(dir, password, port).start();
        EmbeddedDatabase db = new EmbeddedDatabase(pg, dir, password);
        try {
            db.secure();
            db.createDatabaseIfMissing();
        } catch (SQLException e) {
            db.close();
            throw new IOException("Could not prepare the '" + DATABASE + "' database: " + e.getMessage(), e);
        }
        LOG.infof("Embedded PostgreSQL is up on 127.0.0.1:%d with data in %s (%d ms)", pg.getPort(), dir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return db;
    }

    private static EmbeddedPostgres.Builder builder(Path dir, String password, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setConnectConfig("password", password)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_connections", "120")
                // The ledger's working set lives in memory (shared buffers and the OS cache): random reads cost
                // about what sequential ones do, so index probes are not priced as disk seeks (see V6__scoring_reads.sql).
                .setServerConfig("random_page_cost", "1.1")
                .setServerConfig("effective_cache_size", "1GB")
                .setServerConfig("listen_addresses", "localhost");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** The generated password of the server's only role. */
    public String password() {
        return password;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** True while the server answers a connection. */
    public boolean alive() {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, password);
             Statement s = c.createStatement()) {
            s.execute("select 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Starts the server again on the same port and data after it died (killed, crashed, out of memory).
     * PostgreSQL replays its write-ahead log on start: every committed write is there.
     */
    public synchronized void restart() throws IOException {
        if (closed.get() || alive()) {
            return;
        }
        LOG.warnf("Embedded PostgreSQL on port %d is down; starting it again on %s", port, dataDirectory);
        EmbeddedPostgres old = postgres;
        try {
            old.close(); // releases zonky's lock on the directory; the stop itself finds no server
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the dead server's handle", e);
        }
        stopOrphanedServer(dataDirectory);
        postgres = builder(dataDirectory, password, port).start();
        LOG.infof("Embedded PostgreSQL is up again on port %d", port);
    }

    /** fsync, synchronous_commit and full_page_writes as the running server reports them. */
    public String durability() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('fsync') || ',' || current_setting('synchronous_commit')"
                     + " || ',' || current_setting('full_page_writes')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Sets the role's password and allows nothing but password logins over loopback (idempotent). */
    private void secure() throws SQLException, IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter role " + USER + " password '" + password + "'");
            Path hba = dataDirectory.resolve("pg_hba.conf");
            String wanted = HBA_MARKER + "\n"
                    + "host all all 127.0.0.1/32 scram-sha-256\n"
                    + "host all all ::1/128 scram-sha-256\n";
            if (!Files.exists(hba) || !Files.readString(hba).equals(wanted)) {
                Files.writeString(hba, wanted, StandardCharsets.UTF_8);
                s.execute("select pg_reload_conf()");
            }
        }
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
     * The password of a data directory, made on first use: 256 random bits in {@code <data-dir>.password},
     * readable and writable by its owner only. A directory secured before whose password file is gone cannot
     * be opened, and says so.
     */
    static String password(Path dir) throws IOException {
        Path file = dir.resolveSibling(dir.getFileName() + ".password");
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        Path hba = dir.resolve("pg_hba.conf");
        if (Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER)) {
            throw new IOException("The database in " + dir + " needs the password that was kept in " + file
                    + ", and that file is missing. Restore it from your backup of " + dir.getParent() + ".");
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path tmp = Files.createTempFile(dir.getParent(), ".password", ".tmp");
        try {
            restrict(tmp);
            Files.writeString(tmp, secret + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return secret;
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            var f = file.toFile(); // not a POSIX file system (Windows): owner-only through the basic attributes
            f.setReadable(false, false);
            f.setReadable(true, true);
            f.setWritable(false, false);
            f.setWritable(true, true);
        }
    }

    /**
     * A live process that runs the server holds zonky's lock on {@code <data-dir>/epg-lock}. If the lock is
     * held, the server belongs to a running service: it is not stopped, and this start is refused.
     */
    private static void refuseIfOwned(Path dir) throws IOException {
        Path lockFile = dir.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(lockFile.toFile(), "rw")) {
            FileLock lock;
            try {
                lock = raf.getChannel().tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very process holds it
            }
            if (lock == null) {
                throw new DatabaseInUseException(dir);
            }
            lock.release();
        }
    }

    /** The data directory belongs to a server that a running process owns. */
    public static final class DatabaseInUseException extends IOException {
        DatabaseInUseException(Path dir) {
            super("The embedded database in " + dir + " is in use by a running Hindcast service, which is left "
                    + "running. Stop that service first, or run the command against it: import through "
                    + "POST /api/admin/corpus/import, export through the /api/exports endpoints.");
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
