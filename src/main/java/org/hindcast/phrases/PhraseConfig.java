package org.hindcast.phrases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The phrase table new forecasts use (docs/configuration.md). */
@ConfigMapping(prefix = "hindcast.phrases")
public interface PhraseConfig {

    @WithDefault("2026.1")
    String version();
}
