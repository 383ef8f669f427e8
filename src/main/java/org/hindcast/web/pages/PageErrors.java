package org.hindcast.web.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.hindcast.problems.ApiException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/** Errors on pages are pages: a 404 for a missing author is an HTML page, not a JSON problem. */
public class PageErrors {

    @Inject
    PageContext page;

    @Location("pages/error.html")
    Template error;

    @ServerExceptionMapper(priority = 1)
    public Response pageException(PageException e) {
        if (e.status() >= 300 && e.status() < 400) {
            return Response.status(e.status()).location(URI.create(e.getMessage())).build();
        }
        return render(e.status(), e.getMessage());
    }

    Response render(int status, String message) {
        String title = switch (status) {
            case 404 -> "Not found";
            case 403 -> "Not allowed";
            default -> "Something went wrong";
        };
        return Response.status(status).type("text/html;charset=UTF-8")
                .entity(page.with(error, title).data("status", status).data("message", message).render()).build();
    }

    /** An API refusal raised while rendering a page (for instance an unknown slug). */
    public Response apiOnPage(ApiException e) {
        return render(e.status(), e.getMessage());
    }
}
