package org.hindcast.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * After a test that killed services, makes sure no PostgreSQL still runs on its data folder before the folder is
 * deleted: a server whose service was killed with SIGKILL may still be shutting down (or running), writing its WAL
 * while JUnit deletes the directory under it.
 */
public final class LeftoverPostgres {

    private LeftoverPostgres() {
    }

    public static void stop(Path dataDir) throws InterruptedException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        long started = System.nanoTime();
        while (true) {
            Optional<ProcessHandle> server = server(pidFile);
            if (server.isEmpty()) {
                return;
            }
            double waited = (System.nanoTime() - started) / 1e9;
            if (waited > 20) {
                server.get().destroyForcibly();
            } else if (waited > 10) {
                server.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown
            }
            if (waited > 40) {
                throw new IllegalStateException("PostgreSQL " + server.get().pid() + " on " + dataDir + " does not stop");
            }
            Thread.sleep(200);
        }
    }

    private static Optional<ProcessHandle> server(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone while being read, or not a server's file
        }
    }
}
