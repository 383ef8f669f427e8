package org.hindcast.platform;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import io.quarkus.vertx.http.HttpServerStart;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The start-up work that need not hold the service back (filling look-alike skeletons of author names, queueing
 * again the evidence finder's interrupted runs, recomputing scores an interrupted bulk import left pending): it runs
 * one task after another on a thread of its own, once the HTTP server listens (so it does not compete with the
 * start-up for the cores), while the service already answers. Each task is safe to run
 * concurrently with requests (it works in its own transactions and what it fills is correct before it is filled, or
 * marked as pending). The readiness check {@code startup-work} stays UP and says what is still running, what is
 * done and what failed, so an operator sees it in {@code /q/health}.
 */
@ApplicationScoped
public class StartupWork {

    private static final Logger LOG = Logger.getLogger(StartupWork.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "startup-work");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, String> states = new LinkedHashMap<>();
    /** Tasks submitted before the HTTP server listened; null once it does. */
    private List<Runnable> held = new ArrayList<>();

    /**
     * Runs {@code task} in the background, after the tasks submitted before it and not before the HTTP server listens.
     * (A command without an HTTP listener never runs it: its own work is what it was asked for.)
     */
    public void submit(String name, Runnable task) {
        Runnable run = () -> run(name, task);
        synchronized (states) {
            states.put(name, "queued");
            if (held != null) {
                held.add(run);
                return;
            }
        }
        executor.submit(run);
    }

    void listening(@ObservesAsync HttpServerStart start) {
        List<Runnable> release;
        synchronized (states) {
            release = held == null ? List.of() : held;
            held = null;
        }
        release.forEach(executor::submit);
    }

    private void run(String name, Runnable task) {
        set(name, "running");
        long started = System.nanoTime();
        try {
            task.run();
            set(name, "done in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        } catch (RuntimeException e) {
            LOG.warnf(e, "Start-up work '%s' failed; it is tried again at the next start", name);
            set(name, "failed: " + e.getMessage());
        }
    }

    /** True when every task submitted so far has ended (done or failed). */
    public boolean idle() {
        synchronized (states) {
            return states.values().stream().noneMatch(s -> s.equals("queued") || s.equals("running"));
        }
    }

    private void set(String name, String state) {
        synchronized (states) {
            states.put(name, state);
        }
    }

    /** The readiness check {@code startup-work}: always UP, with each task's state. */
    @ApplicationScoped
    @Readiness
    static class Health implements HealthCheck {

        @jakarta.inject.Inject
        StartupWork work;

        @Override
        public HealthCheckResponse call() {
            return work.health();
        }
    }

    HealthCheckResponse health() {
        var response = HealthCheckResponse.named("startup-work").up();
        List<String> running = new ArrayList<>();
        synchronized (states) {
            states.forEach((name, state) -> {
                response.withData(name, state);
                if (state.equals("queued") || state.equals("running")) {
                    running.add(name);
                }
            });
        }
        response.withData("background", running.isEmpty() ? "idle" : "running: " + String.join(", ", running));
        return response.build();
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
