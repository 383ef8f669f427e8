package org.hindcast.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.hindcast.platform.EmbeddedDatabase;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/**
 * The one place tests get their PostgreSQL from, in this order:
 * <ol>
 *   <li>a server the developer configured: QUARKUS_DATASOURCE_JDBC_URL (with _USERNAME, _PASSWORD);</li>
 *   <li>a Testcontainers PostgreSQL, where a Docker engine answers;</li>
 *   <li>the embedded PostgreSQL that the service itself falls back to, in a fresh temporary directory.</li>
 * </ol>
 * HINDCAST_TEST_DB=configured|docker|embedded forces a choice.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgreSQLContainer container;
    private EmbeddedDatabase embedded;
    private Path embeddedDir;

    /** The embedded server of this test run, for tests that stop and restart it; null for other databases. */
    public static volatile EmbeddedDatabase current;

    @Override
    public Map<String, String> start() {
        String forced = System.getenv().getOrDefault("HINDCAST_TEST_DB", "");
        String configured = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (forced.equals("configured") || (forced.isEmpty() && configured != null && !configured.isBlank())) {
            System.out.println("[tests] database: the configured server " + configured);
            return Map.of();
        }
        if (forced.equals("docker") || (forced.isEmpty() && dockerAvailable())) {
            container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            System.out.println("[tests] database: Testcontainers " + container.getJdbcUrl());
            return Map.of("quarkus.datasource.jdbc.url", container.getJdbcUrl(),
                    "quarkus.datasource.username", container.getUsername(),
                    "quarkus.datasource.password", container.getPassword());
        }
        try {
            embeddedDir = Files.createTempDirectory("hindcast-test-pg");
            embedded = EmbeddedDatabase.start(embeddedDir.resolve("data"), 0);
            current = embedded;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL for the tests", e);
        }
        System.out.println("[tests] database: embedded PostgreSQL " + embedded.jdbcUrl());
        return Map.of("quarkus.datasource.jdbc.url", embedded.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", embedded.password());
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
        if (embedded != null) {
            embedded.close();
            deleteQuietly(embeddedDir);
        }
    }

    static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temporary directory; the OS cleans what is left
        }
    }
}
