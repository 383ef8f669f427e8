package org.hindcast.web.pages;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Sets the form-token cookie on any page that issued a new token (every page has the sign-out form). */
public class CsrfCookieFilter {

    @Inject
    Csrf csrf;

    @ServerResponseFilter
    public void addCookie(ContainerResponseContext response) {
        var cookie = csrf.cookie();
        if (cookie != null && !response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie.toString());
        }
    }
}
