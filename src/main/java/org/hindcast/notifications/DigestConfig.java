package org.hindcast.notifications;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** The due digest: who gets it, when, and how far ahead it looks. */
@ConfigMapping(prefix = "hindcast.digest")
public interface DigestConfig {

    /** The addresses the digest goes to; none (the default) sends nothing. */
    Optional<List<String>> to();

    /** When it is sent: a Quartz-style cron expression, by default every day at 07:00. */
    @WithDefault("0 0 7 * * ?")
    String cron();

    /** How many days ahead "due soon" looks. */
    @WithDefault("7")
    int days();

    /** The schedule skips its run when no address is configured. */
    @ApplicationScoped
    class NoRecipients implements Scheduled.SkipPredicate {

        @Inject
        DigestConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return config.to().map(List::isEmpty).orElse(true);
        }
    }
}
