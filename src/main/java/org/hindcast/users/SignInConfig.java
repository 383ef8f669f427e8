package org.hindcast.users;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Sign-in limits and page sessions. */
@ConfigMapping(prefix = "hindcast.sign-in")
public interface SignInConfig {

    /** The failure of one account from one address after which that pair must wait before trying again. */
    @WithDefault("5")
    int freeFailures();

    /** The wait after that failure; each further failure doubles it. */
    @WithDefault("PT1S")
    Duration firstDelay();

    /** The longest wait. */
    @WithDefault("PT15M")
    Duration maxDelay();

    /** A pair's failures are forgotten this long after its last one. */
    @WithDefault("PT1H")
    Duration forgetAfter();

    /** A page session ends after this long without a request. */
    @WithDefault("PT8H")
    Duration sessionIdleTimeout();
}
