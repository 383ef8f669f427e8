package org.hindcast.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** How the service sees the network in front of it. */
@ConfigMapping(prefix = "hindcast.http")
public interface HttpConfig {

    /**
     * Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed.
     * Empty (the default): the peer of the connection is the client, and forwarded headers are ignored.
     */
    Optional<List<String>> trustedProxies();

    /**
     * The address readers use, such as https://hindcast.example.org: feed links and redirects are built from
     * it, never from the request's Host header. Default: http://localhost and the HTTP port.
     */
    Optional<String> publicBaseUrl();

    /** Strict-Transport-Security sent on answers to requests that came over TLS (directly or via a trusted proxy). */
    @WithDefault("max-age=31536000")
    String hsts();
}
