package org.hindcast.operations;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hindcast.problems.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The request-size limit, answered as a problem that names it. (The HTTP server's own hard cap,
 * quarkus.http.limits.max-body-size, sits above it for bodies sent without a length.)
 */
public class RequestLimits {

    @ConfigProperty(name = "hindcast.limits.max-body-bytes", defaultValue = "8388608")
    long maxBody;

    @ServerRequestFilter(preMatching = true)
    public Response tooLarge(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        try {
            if (Long.parseLong(length.trim()) <= maxBody) {
                return null;
            }
        } catch (NumberFormatException e) {
            return Response.status(400).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(400, "Invalid request", "The Content-Length header is not a number.")).build();
        }
        return Response.status(413).type(Problem.MEDIA_TYPE).entity(Problem.of(413, "Payload Too Large",
                "The request body is larger than the limit of " + maxBody + " bytes (hindcast.limits.max-body-bytes).")).build();
    }
}
