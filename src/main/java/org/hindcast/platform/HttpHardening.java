package org.hindcast.platform;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;

/**
 * Two rules for every answer, pages, API and static files alike:
 * <ul>
 *   <li>a Location header never repeats the request's Host header: an absolute location on the request's own
 *   host is rewritten to the configured public address (or to a bare path when none is configured), so a
 *   forged Host cannot steer a redirect elsewhere;</li>
 *   <li>answers to requests that came over TLS carry Strict-Transport-Security;</li>
 *   <li>Swagger UI, and only it, may run the inline script and styles it is built with: the site's policy
 *   (application.properties) forbids them everywhere, and without them Swagger UI renders a blank page.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpHardening {

    /** The site's policy with inline script and styles allowed, for Swagger UI's own page only. */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    private final PublicUrl publicUrl;
    private final ClientAddress clients;
    private final String hsts;

    HttpHardening(PublicUrl publicUrl, ClientAddress clients, HttpConfig config) {
        this.publicUrl = publicUrl;
        this.clients = clients;
        this.hsts = config.hsts();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            var request = rc.request();
            boolean secure = clients.secure(request);
            boolean swaggerUi = request.path() != null && request.path().startsWith("/q/swagger-ui");
            rc.addHeadersEndHandler(v -> {
                var headers = rc.response().headers();
                if (swaggerUi) {
                    headers.set("Content-Security-Policy", SWAGGER_UI_POLICY);
                }
                String location = headers.get(HttpHeaders.LOCATION);
                if (location != null) {
                    headers.set(HttpHeaders.LOCATION, rewrite(location, request.authority() == null ? null
                            : request.authority().toString()));
                }
                if (secure && !hsts.isBlank()) {
                    headers.set("Strict-Transport-Security", hsts);
                }
            });
            rc.next();
        });
    }

    /** An absolute location on the request's own authority becomes the same path on the public address. */
    String rewrite(String location, String requestAuthority) {
        try {
            URI uri = URI.create(location);
            if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
                return location;
            }
            if (requestAuthority != null && !uri.getRawAuthority().equalsIgnoreCase(requestAuthority)) {
                return location; // a link to somewhere else that the service chose on purpose
            }
            String rest = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
            // Without a configured public address a path is enough: browsers resolve it against what they asked for.
            return publicUrl.configured() ? publicUrl.of(rest) : rest;
        } catch (IllegalArgumentException e) {
            return location;
        }
    }
}
