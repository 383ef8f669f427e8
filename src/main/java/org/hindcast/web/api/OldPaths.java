package org.hindcast.web.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The API calls a paper a paper ({@code /api/papers}), as the pages, the code and the docs do. Its first paths called
 * it a source: {@code /api/sources/...} keeps answering, every method and sub-path, by routing the request to the
 * same path under {@code /api/papers}; clients written against it need no change.
 */
@ApplicationScoped
public class OldPaths {

    static final String OLD = "/api/sources";
    static final String NEW = "/api/papers";

    void install(@Observes Router router) {
        router.routeWithRegex("^/api/sources(/.*)?$").order(Integer.MIN_VALUE + 1).handler(rc -> {
            String path = rc.request().path();
            String query = rc.request().query();
            rc.reroute(NEW + path.substring(OLD.length()) + (query == null ? "" : "?" + query));
        });
    }
}
