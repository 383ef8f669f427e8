package org.hindcast.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.hindcast.problems.ApiException;
import org.hindcast.problems.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The request-size limit, answered as a problem that names it, whatever the transfer encoding: a body that
 * declares its length is refused before it is read; a body sent in chunks (no length) is counted as it is
 * read, for every entity the API and the pages' forms read, and refused as soon as it passes the limit, before
 * any reader parses it.
 * (The HTTP server's own hard cap, quarkus.http.limits.max-body-size, sits above it as a last resort.)
 */
@Provider
public class RequestLimits implements ReaderInterceptor {

    /** Looked up per request: the filters are created before the runtime configuration is (a mapping is not yet there). */
    @jakarta.inject.Inject
    jakarta.inject.Provider<PlatformConfig> settings;

    @ServerRequestFilter(preMatching = true)
    public Response tooLarge(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        try {
            if (Long.parseLong(length.trim()) <= settings.get().limits().maxBodyBytes()) {
                return null;
            }
        } catch (NumberFormatException e) {
            return Response.status(400).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(400, "Invalid request", "The Content-Length header is not a number.")).build();
        }
        return Response.status(413).type(Problem.MEDIA_TYPE).entity(Problem.of(413, "Payload Too Large", message())).build();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH) == null) {
            // Sent in chunks: read it up to the limit before any reader parses it, so a reader cannot swallow the refusal.
            byte[] body = context.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.get().limits().maxBodyBytes() + 1));
            if (body.length > settings.get().limits().maxBodyBytes()) {
                throw new ApiException(413, "Payload Too Large", message());
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    private String message() {
        return "The request body is larger than the limit of " + settings.get().limits().maxBodyBytes() + " bytes (hindcast.limits.max-body-bytes).";
    }
}
