package org.hindcast.users;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The first admin, created when no user exists (docs/configuration.md). There is no built-in password outside dev and test. */
@ConfigMapping(prefix = "hindcast.admin")
public interface AdminConfig {

    @WithDefault("admin")
    String username();

    Optional<String> password();
}
