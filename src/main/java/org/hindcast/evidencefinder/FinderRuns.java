package org.hindcast.evidencefinder;

import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hindcast.extraction.PaperTextAttached;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The evidence finder, run when a paper's text is attached: the run is queued in the transaction that stores the
 * text and done after it commits, one paper at a time on a thread of its own (a run reads the ledger once and holds a
 * paper's sentence embeddings: two at once would only share the cores). The paper page and the API show the last
 * run's figures for the paper's current text, and link to its proposals; runs a stopped service left are queued again
 * at start.
 */
@ApplicationScoped
public class FinderRuns {

    /** The last run for a paper: QUEUED, RUNNING, DONE (with its figures) or FAILED (with the reason). */
    public record Run(String status, OffsetDateTime queuedAt, OffsetDateTime finishedAt, Integer forecastsRead,
                      Integer proposals, Long millis, String ranking, String error) {
        public boolean done() {
            return "DONE".equals(status);
        }

        /** The status in a sentence's words: queued, running, done, failed. */
        public String state() {
            return status.toLowerCase(java.util.Locale.ROOT);
        }

        public boolean pending() {
            return "QUEUED".equals(status) || "RUNNING".equals(status);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    EvidenceFinderService finder;

    @Inject
    org.hindcast.platform.PlatformConfig platform;

    @Inject
    org.hindcast.papers.PaperService papers;

    @ConfigProperty(name = "hindcast.evidence-finder.on-attach", defaultValue = "true")
    boolean onAttach;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evidence-finder");
        t.setDaemon(true);
        return t;
    });

    /** In the transaction that stores the text: the run is queued with it (or not at all, if it rolls back). */
    void queue(@Observes PaperTextAttached attached) {
        if (!onAttach) {
            return;
        }
        em.createNativeQuery("""
                        insert into evidence_finder_run (paper_id, text_sha256, status) values (?1, ?2, 'QUEUED')
                        on conflict (paper_id) do update set text_sha256 = excluded.text_sha256, status = 'QUEUED',
                            queued_at = now(), finished_at = null, forecasts_read = null, proposals = null, millis = null,
                            ranking = null, error = null""")
                .setParameter(1, attached.paperId()).setParameter(2, attached.sha256()).executeUpdate();
    }

    /** Once the text is committed: the run is handed to the finder's thread. */
    void start(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaperTextAttached attached) {
        if (onAttach) {
            submit(attached.paperId(), attached.slug(), attached.sha256());
        }
    }

    @Inject
    org.hindcast.platform.StartupWork startupWork;

    /** After ready, in the background: the runs a stop cut off are queued again. */
    void resume(@Observes StartupEvent start) {
        startupWork.submit("evidence-finder-resume", this::resume);
    }

    /** Queues again the runs left QUEUED or RUNNING (by a stop); returns how many. */
    int resume() {
        if (!onAttach || platform.readOnly()) {
            return 0;
        }
        // a run cut off while RUNNING is queued again first: a run starts only from QUEUED
        @SuppressWarnings("unchecked")
        List<Object[]> left = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                with requeued as (update evidence_finder_run set status = 'QUEUED' where status in ('QUEUED', 'RUNNING')
                                  returning paper_id, text_sha256, queued_at)
                select r.paper_id, p.slug, r.text_sha256 from requeued r join paper p on p.id = r.paper_id
                order by r.queued_at""").getResultList());
        for (Object[] r : left) {
            submit(((Number) r[0]).longValue(), (String) r[1], (String) r[2]);
        }
        if (!left.isEmpty()) {
            Log.infof("Evidence finder: %d runs left by the last stop queued again", left.size());
        }
        return left.size();
    }

    private void submit(long paperId, String slug, String sha256) {
        worker.submit(() -> {
            try {
                Arc.container().instance(FinderRuns.class).get().run(paperId, slug, sha256);
            } catch (RuntimeException e) {
                Log.errorf(e, "Evidence finder: the run for '%s' failed", slug);
            }
        });
    }

    /** One run: marked RUNNING, then DONE with the proposals counted, or FAILED with the reason. */
    @ActivateRequestContext
    void run(long paperId, String slug, String sha256) {
        if (!mark(paperId, sha256, "QUEUED", "RUNNING")) {
            return; // the text changed again (its own run is queued) or the paper is gone
        }
        try {
            EvidenceFinderService.Found found = QuarkusTransaction.requiringNew().call(() -> finder.find(slug, 1, false, null));
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            update evidence_finder_run set status = 'DONE', finished_at = now(), forecasts_read = ?3,
                                proposals = ?4, millis = ?5, ranking = ?6
                            where paper_id = ?1 and text_sha256 = ?2 and status = 'RUNNING'""")
                    .setParameter(1, paperId).setParameter(2, sha256).setParameter(3, found.forecastsRead())
                    .setParameter(4, found.total()).setParameter(5, found.millis()).setParameter(6, found.ranking()).executeUpdate());
            Log.infof("Evidence finder: '%s' read against %d pending forecasts in %d ms: %d proposals", slug,
                    found.forecastsRead(), found.millis(), found.total());
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            update evidence_finder_run set status = 'FAILED', finished_at = now(), error = left(?3, 1000)
                            where paper_id = ?1 and text_sha256 = ?2 and status = 'RUNNING'""")
                    .setParameter(1, paperId).setParameter(2, sha256).setParameter(3, reason).executeUpdate());
            throw e;
        }
    }

    private boolean mark(long paperId, String sha256, String from, String to) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "update evidence_finder_run set status = ?4 where paper_id = ?1 and text_sha256 = ?2 and status = ?3")
                .setParameter(1, paperId).setParameter(2, sha256).setParameter(3, from).setParameter(4, to).executeUpdate() == 1);
    }

    /** The last run for the current text of the paper with this slug (404 when it has none). */
    @jakarta.transaction.Transactional
    public Run lastRun(String slug) {
        return last(papers.get(slug).id).orElseThrow(() -> org.hindcast.problems.ApiException.notFound(
                "evidence finder run for paper", slug + "' (its current text was attached before the finder ran on attach, or not at all"));
    }

    /** The last run for a paper's current text, if any. */
    public Optional<Run> last(long paperId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select r.status, r.queued_at, r.finished_at, r.forecasts_read, r.proposals, r.millis, r.ranking, r.error
                from evidence_finder_run r join paper_text t on t.paper_id = r.paper_id and t.sha256 = r.text_sha256
                where r.paper_id = ?1""").setParameter(1, paperId).getResultList();
        return rows.stream().findFirst().map(r -> new Run((String) r[0], time(r[1]), time(r[2]),
                r[3] == null ? null : ((Number) r[3]).intValue(), r[4] == null ? null : ((Number) r[4]).intValue(),
                r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6], (String) r[7]));
    }

    private static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
