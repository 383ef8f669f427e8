package org.hindcast.web.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.hindcast.problems.Problem;
import org.hindcast.problems.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A refusal that reaches a browser asking for a page is a page of the site: whatever answered with a problem (an
 * unknown address, a 403, a database refusal the form could not place next to a field, an unexpected 500), the
 * browser gets the site's error page with the same status and words, never a JSON document. API clients, feeds
 * and the operations endpoints keep problem+json.
 */
public class ProblemPages {

    @Inject
    PageContext page;

    @Location("pages/error.html")
    Template error;

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)
                || !ProblemMappers.wantsPage(request.getUriInfo(), request.getAcceptableMediaTypes())) {
            return;
        }
        String title = switch (problem.status()) {
            case 404 -> "Not found";
            case 403 -> "Not allowed";
            case 503 -> "Hindcast is unavailable for a moment";
            default -> problem.status() >= 500 ? "Something went wrong" : problem.title();
        };
        String message = problem.status() == 404 && problem.detail() != null && problem.detail().startsWith("Unable to find")
                ? "There is no page at this address." : problem.detail();
        response.getHeaders().putSingle("Content-Type", MediaType.TEXT_HTML + ";charset=UTF-8");
        response.setEntity(page.with(error, title).data("status", problem.status()).data("message", message)
                .data("stored", problem.status() >= 400 && request.getMethod().equals("POST")).render(), null, MediaType.TEXT_HTML_TYPE);
    }
}
