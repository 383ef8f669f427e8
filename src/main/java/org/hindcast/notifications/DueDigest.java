package org.hindcast.notifications;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hindcast.forecasts.Forecast;
import org.hindcast.forecasts.ForecastInput;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.platform.PublicUrl;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The e-mail digest of forecasts falling due, sent on the configured schedule to the configured addresses
 * ({@code hindcast.digest.to}, with quarkus.mailer's server settings). With no addresses nothing is sent and
 * nothing is asked of the mailer; a mail server that refuses is logged, never fatal.
 */
@ApplicationScoped
public class DueDigest {

    private static final Logger LOG = Logger.getLogger(DueDigest.class);

    /** How many forecasts the mail lists; the totals count them all. */
    static final int LISTED = 50;

    @Inject
    DigestConfig config;

    @Inject
    ForecastService forecasts;

    @Inject
    Mailer mailer;

    @Inject
    PublicUrl publicUrl;

    Clock clock = Clock.systemUTC();

    /** The digest as it would be sent now: subject and text. */
    public record Digest(String subject, String text, long overdue, long dueSoon) {
    }

    @Scheduled(cron = "{hindcast.digest.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DigestConfig.NoRecipients.class)
    void scheduled() {
        send();
    }

    /** Sends the digest to the configured addresses; returns how many it was sent to (0 with none configured). */
    public int send() {
        return send(config.to().orElse(List.of()));
    }

    /** Sends the digest to these addresses (none: nothing is sent); returns how many it was sent to. */
    public int send(List<String> addresses) {
        List<String> to = addresses.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (to.isEmpty()) {
            return 0;
        }
        Digest digest = compose();
        if (digest.overdue() == 0 && digest.dueSoon() == 0) {
            LOG.debug("No forecast is due: no digest sent");
            return 0;
        }
        try {
            mailer.send(to.stream().map(address -> Mail.withText(address, digest.subject(), digest.text())).toArray(Mail[]::new));
            LOG.infof("Sent the due digest (%d overdue, %d due within %d days) to %d addresses", digest.overdue(), digest.dueSoon(),
                    config.days(), to.size());
            return to.size();
        } catch (RuntimeException e) {
            LOG.errorf("The due digest could not be sent: %s", e.getMessage());
            return 0;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Digest compose() {
        LocalDate today = LocalDate.now(clock);
        var overdue = forecasts.list(ForecastInput.Filter.none().dueFor(0, null).withOverdueOnly(), "resolveBy", 0, LISTED);
        var soon = forecasts.list(new ForecastInput.Filter(null, null, null, null, null, null, null, today, null, null, null)
                .dueFor(config.days(), null), "resolveBy", 0, LISTED);
        String base = publicUrl.base();
        StringBuilder text = new StringBuilder();
        text.append("Forecasts overdue: ").append(overdue.total()).append('\n');
        text.append("Forecasts due within ").append(config.days()).append(" days: ").append(soon.total()).append("\n\n");
        section(text, "Overdue", overdue.items(), overdue.total(), base);
        section(text, "Due within " + config.days() + " days", soon.items(), soon.total(), base);
        text.append("The reviewers' queue: ").append(base).append("/staff/queue\n");
        return new Digest("Hindcast: " + overdue.total() + " forecasts overdue, " + soon.total() + " due within "
                + config.days() + " days", text.toString(), overdue.total(), soon.total());
    }

    private static void section(StringBuilder text, String title, List<Forecast> items, long total, String base) {
        if (items.isEmpty()) {
            return;
        }
        text.append(title).append(items.size() < total ? " (the first " + items.size() + " of " + total + ")" : "").append(":\n");
        for (Forecast f : items) {
            text.append("- ").append(f.resolveBy).append("  ").append(f.statement).append("\n  ")
                    .append(f.paper.title).append(" · ").append(base).append("/forecasts/").append(f.id).append('\n');
        }
        text.append('\n');
    }
}
