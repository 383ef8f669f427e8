package org.hindcast.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The plain texts of the corpus's papers. They are not in the repository (the papers' publishers hold them; a
 * forecast record carries only its quote), so the tests that read them find them at {@code -Dhindcast.papers} or
 * {@code HINDCAST_PAPERS}, by default {@code ../shared/papers} beside the clone. Without them such a test is
 * skipped with that message on a developer's machine, and fails under CI ({@code CI} set), where a quiet skip
 * would pass off missing figures as measured ones.
 */
public final class Papers {

    private Papers() {
    }

    public static Path dir() {
        String configured = System.getProperty("hindcast.papers", System.getenv("HINDCAST_PAPERS"));
        return Path.of(configured == null || configured.isBlank() ? "../shared/papers" : configured);
    }

    /** The folder of paper texts; skips (or, under CI, fails) the calling test when it is missing. */
    public static Path require(String forWhat) {
        Path dir = dir();
        if (!Files.isDirectory(dir)) {
            String message = "The papers' texts are not at " + dir.toAbsolutePath().normalize() + " (set -Dhindcast.papers or "
                    + "HINDCAST_PAPERS): " + forWhat + " needs them.";
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !ci.equals("false")) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }
}
