package org.hindcast.ingestion;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code hindcast.ingest.*}: the limits on what a paper's PDF or web page may be (docs/configuration.md). */
@ConfigMapping(prefix = "hindcast.ingest")
public interface IngestConfig {

    /** The largest PDF read, in bytes; requests are also bounded by hindcast.limits.max-body-bytes. */
    @WithDefault("8388608")
    long maxPdfBytes();

    @WithDefault("1000")
    int maxPages();

    /** The largest web page (or PDF behind a URL) fetched, in bytes. */
    @WithDefault("10485760")
    long maxPageBytes();

    /**
     * Whether the service may fetch addresses on its own machine or private networks. Off: an editor's URL must
     * not reach what only the server can (its database, the cloud's metadata service). Tests turn it on to serve
     * pages on loopback.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();
}
