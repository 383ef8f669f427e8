package org.hindcast.problems;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A refusal that reaches a browser asking for a page is a page: whatever mapper answered with a problem (a
 * database refusal the form could not place next to a field, say), the browser gets it as HTML with the same
 * status and words, never a JSON document. API clients, feeds and operations endpoints keep problem+json.
 */
public class ProblemPages {

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !ProblemMappers.wantsPage(request.getUriInfo(), request.getAcceptableMediaTypes())) {
            return;
        }
        response.getHeaders().putSingle("Content-Type", MediaType.TEXT_HTML + ";charset=UTF-8");
        response.setEntity("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(problem.title())
                + " · Hindcast</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main><h1>" + escape(problem.title()) + "</h1>"
                + "<p id=\"problem-detail\">" + escape(problem.detail()) + "</p><p>Nothing was stored. "
                + "<a href=\"javascript:history.back()\">Go back</a> to the form, or to <a href=\"/\">the home page</a>.</p>"
                + "</main></body></html>", null, MediaType.TEXT_HTML_TYPE);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
