package org.hindcast.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.hindcast.problems.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * A replica that serves the public pages and API reads from a PostgreSQL read replica
 * (hindcast.read-only=true): every write is refused with 503 and sent to the primary, and the replica
 * makes none of its own start-up writes (migrations, first admin, corpus load).
 */
public class ReadOnlyReplica {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    /** Looked up per request: the filters are created before the runtime configuration is (a mapping is not yet there). */
    @jakarta.inject.Inject
    jakarta.inject.Provider<PlatformConfig> settings;

    @ServerRequestFilter(preMatching = true)
    public Response refuseWrites(ContainerRequestContext request) {
        if (!settings.get().readOnly() || READS.contains(request.getMethod())) {
            return null;
        }
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "0")
                .entity(Problem.of(503, "Service Unavailable",
                        "This replica serves reads only; send writes to the primary service.")).build();
    }
}
