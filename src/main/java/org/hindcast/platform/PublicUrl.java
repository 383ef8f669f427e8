package org.hindcast.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's own address as readers know it. Links that leave the page (feeds, redirects) are built from
 * configuration, never from the request's Host header, which any client can set.
 */
@ApplicationScoped
public class PublicUrl {

    private final String base;
    private final boolean configured;

    PublicUrl(HttpConfig config, @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        String configured = config.publicBaseUrl().map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (configured != null && !configured.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new IllegalArgumentException("hindcast.http.public-base-url must be an http(s) URL such as "
                    + "https://hindcast.example.org, not '" + configured + "'");
        }
        this.configured = configured != null;
        this.base = configured != null ? configured.replaceAll("/+$", "") : "http://localhost:" + port;
    }

    /** True when the operator set hindcast.http.public-base-url. */
    public boolean configured() {
        return configured;
    }

    /** The base without a trailing slash, such as https://hindcast.example.org. */
    public String base() {
        return base;
    }

    /** An absolute URL for a path of the service ("/authors/x" becomes base + "/authors/x"). */
    public String of(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
