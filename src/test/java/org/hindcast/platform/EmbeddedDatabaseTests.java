package org.hindcast.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedDatabaseTests {

    @TempDir
    Path home;

    @Test
    void aRestartKeepsTheData() throws Exception {
        Path data = home.resolve("pgdata");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0)) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, db.password());
                 Statement s = c.createStatement()) {
                s.execute("create table kept (note text)");
                s.execute("insert into kept values ('still here')");
            }
        }
        assertFalse(Files.exists(data.resolve("postmaster.pid")), "the server stopped cleanly");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select note from kept")) {
            assertTrue(rs.next());
            assertEquals("still here", rs.getString(1));
        }
    }

    @Test
    void aServerOrphanedByAKilledProcessIsStoppedAndTheDataKept() throws Exception {
        Path data = home.resolve("orphan");
        // A child JVM starts the server, writes a row, and is then killed with SIGKILL: its server
        // keeps running on the data directory, as after a crash of the service.
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            // start-up logging
        }
        assertEquals("READY", line, "the child started its server");
        child.destroyForcibly().waitFor();
        assertTrue(Files.exists(data.resolve("postmaster.pid")), "the orphaned server still holds the directory");

        try (EmbeddedDatabase second = EmbeddedDatabase.start(data, 0);
             Connection c = DriverManager.getConnection(second.jdbcUrl(), EmbeddedDatabase.USER, second.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select n from kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    /** The child process of the orphan test. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), 0);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, db.password());
                 Statement s = c.createStatement()) {
                s.execute("create table kept (n int)");
                s.execute("insert into kept values (42)");
            }
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    @Test
    void theServerIsDurableAndTakesOnlyPasswordLoginsOverLoopback() throws Exception {
        Path data = home.resolve("private");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0)) {
            assertEquals("on,on,on", db.durability(), "fsync, synchronous_commit, full_page_writes");
            Path secret = home.resolve("private.password");
            assertEquals(java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(secret));
            assertEquals(db.password(), Files.readString(secret).trim());
            assertTrue(db.password().length() >= 43);
            for (String wrong : new String[]{"", "postgres", "wrong"}) {
                var e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, wrong).close());
                // 28P01: the server refused the password; 08004: the driver had none to give to the server's demand
                assertTrue(java.util.Set.of("28P01", "08004").contains(e.getSQLState()),
                        "refused, for '" + wrong + "': " + e.getSQLState() + " " + e.getMessage());
            }
            String hba = Files.readString(data.resolve("pg_hba.conf"));
            assertFalse(hba.contains("trust"), hba);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, db.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_setting('listen_addresses'), current_setting('unix_socket_directories')")) {
                rs.next();
                assertEquals("localhost", rs.getString(1));
                assertEquals("", rs.getString(2), "no Unix socket");
            }
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(data, 0)) {
            assertEquals("on,on,on", again.durability(), "and again after a restart, with the same password");
        }
    }

    @Test
    void aSecondProcessNeverStopsAServerThatALiveProcessOwns() throws Exception {
        Path data = home.resolve("owned");
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(owner.getInputStream()));
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                // start-up logging
            }
            assertEquals("READY", line);
            var refused = org.junit.jupiter.api.Assertions.assertThrows(EmbeddedDatabase.DatabaseInUseException.class,
                    () -> EmbeddedDatabase.start(data, 0));
            assertTrue(refused.getMessage().contains("in use by a running Hindcast service"), refused.getMessage());
            String password = Files.readString(home.resolve("owned.password")).trim();
            int port = Integer.parseInt(Files.readAllLines(data.resolve("postmaster.pid")).get(3).trim());
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/hindcast",
                    EmbeddedDatabase.USER, password);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select n from kept")) {
                assertTrue(rs.next(), "the owner's server still answers");
                assertEquals(42, rs.getInt(1));
            }
        } finally {
            owner.destroyForcibly().waitFor();
            EmbeddedDatabase.start(data, 0).close(); // the killed owner's server is an orphan now: stopped
        }
    }
}
