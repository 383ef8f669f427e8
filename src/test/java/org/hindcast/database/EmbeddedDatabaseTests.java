package org.hindcast.database;

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
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                 Statement s = c.createStatement()) {
                s.execute("create table kept (note text)");
                s.execute("insert into kept values ('still here')");
            }
        }
        assertFalse(Files.exists(data.resolve("postmaster.pid")), "the server stopped cleanly");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
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
             Connection c = DriverManager.getConnection(second.jdbcUrl(), EmbeddedDatabase.USER, "");
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
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                 Statement s = c.createStatement()) {
                s.execute("create table kept (n int)");
                s.execute("insert into kept values (42)");
            }
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
