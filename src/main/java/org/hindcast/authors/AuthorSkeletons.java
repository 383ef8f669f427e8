package org.hindcast.authors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Fills the confusable skeleton of author names written before the column existed (migration V9), a thousand
 * at a time, at start-up: look-alike checks then see every name in the ledger.
 */
@ApplicationScoped
public class AuthorSkeletons {

    private static final Logger LOG = Logger.getLogger(AuthorSkeletons.class);

    @Inject
    EntityManager em;

    @jakarta.inject.Inject
    org.hindcast.platform.PlatformConfig platform;

    @Inject
    org.hindcast.platform.StartupWork startupWork;

    /** After ready, in the background: a name without its skeleton is only missed by the look-alike check until then. */
    void onStart(@Observes StartupEvent start) {
        if (!platform.readOnly()) {
            startupWork.submit("author-skeletons", () -> {
                int filled = fill();
                if (filled > 0) {
                    LOG.infof("Filled the look-alike skeletons of %d author names", filled);
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    public int fill() {
        int total = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                List<Object[]> rows = em.createNativeQuery("select id, alias from author_alias where skeleton is null or letters is null "
                        + "order by id limit 1000 for update skip locked").getResultList();
                for (Object[] r : rows) {
                    em.createNativeQuery("update author_alias set skeleton = ?1, letters = ?3 where id = ?2")
                            .setParameter(1, AuthorNames.skeleton((String) r[1])).setParameter(2, ((Number) r[0]).longValue())
                            .setParameter(3, AuthorNames.letters((String) r[1]))
                            .executeUpdate();
                }
                return rows.size();
            });
            total += done;
            if (done == 0) {
                return total;
            }
        }
    }
}
