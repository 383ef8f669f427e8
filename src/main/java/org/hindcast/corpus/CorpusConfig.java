package org.hindcast.corpus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the corpus is and when it is loaded (docs/configuration.md). */
@ConfigMapping(prefix = "hindcast.corpus")
public interface CorpusConfig {

    /** The corpus directory; when it does not exist, the copy packaged at build time is used. */
    @WithDefault("forecasts")
    String dir();

    /** auto: load on first start when the embedded database is in use; true/false: always/never on an empty ledger. */
    @WithDefault("auto")
    String loadOnFirstStart();
}
