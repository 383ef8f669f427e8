package org.hindcast.platform;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.logging.Logger;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded PostgreSQL running under the service: every two seconds it checks the server and starts
 * it again if it died (PostgreSQL recovers its committed writes from the write-ahead log), and the connection
 * pool reconnects by itself. If the server cannot be brought back for a minute, liveness reports DOWN, so a
 * supervisor of the process (systemd, Kubernetes, Docker's restart policy) restarts the whole service.
 * Idle when the service uses a configured PostgreSQL: that server has its own operator.
 */
@ApplicationScoped
@Liveness
public class EmbeddedSupervisor implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(EmbeddedSupervisor.class);
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private static volatile EmbeddedDatabase database;
    private ScheduledExecutorService timer;
    private volatile long downSince;
    private volatile int restarts;

    /** Called by {@link org.hindcast.cli.Launcher} once it has started the embedded server. */
    public static void watch(EmbeddedDatabase db) {
        database = db;
    }

    void start(@Observes StartupEvent event) {
        if (database == null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-postgres-supervisor");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, 2, 2, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void check() {
        EmbeddedDatabase db = database;
        if (db == null || db.alive()) {
            downSince = 0;
            return;
        }
        if (downSince == 0) {
            downSince = System.nanoTime();
        }
        try {
            db.restart();
            if (db.alive()) {
                restarts++;
                downSince = 0;
            }
        } catch (Exception e) {
            LOG.errorf("Embedded PostgreSQL could not be started again (%s); retrying", e.getMessage());
        }
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("embedded-postgresql");
        if (database == null) {
            return response.up().withData("mode", "configured server").build();
        }
        long since = downSince;
        boolean givenUp = since != 0 && System.nanoTime() - since > GIVE_UP_NANOS;
        return response.status(!givenUp).withData("restarts", restarts)
                .withData("down", since != 0).build();
    }
}
