package org.hindcast.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/**
 * The settings of the service's infrastructure (docs/configuration.md). The features have their own mappings beside
 * them: hindcast.corpus, hindcast.phrases, hindcast.admin, hindcast.sign-in, hindcast.scoring, hindcast.http.
 */
@ConfigMapping(prefix = "hindcast")
public interface PlatformConfig {

    /** A reader replica: writes answer 503 and start-up writes nothing. */
    @WithName("read-only")
    @WithDefault("false")
    boolean readOnly();

    Embedded embedded();

    Limits limits();

    /** The embedded PostgreSQL of the default set-up (read before start-up by the command line, too). */
    interface Embedded {
        /** Start the embedded server when no datasource URL is configured. */
        @WithDefault("true")
        boolean enabled();

        /** Where it keeps its data; ~/.hindcast/pgdata when not given. */
        Optional<String> dataDir();

        /** Its port; 0 for a free one. */
        @WithDefault("0")
        int port();

        /** Set by the command line when this process started the embedded server it uses. */
        @WithDefault("false")
        boolean active();
    }

    interface Limits {
        /** The largest request body, declared or sent in chunks: 413 naming the limit beyond. */
        @WithDefault("8388608")
        long maxBodyBytes();
    }
}
