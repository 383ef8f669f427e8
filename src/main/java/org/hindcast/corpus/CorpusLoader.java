package org.hindcast.corpus;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.hindcast.papers.Paper;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the corpus comes from, and its first load: on the first start of the embedded default (an empty
 * ledger), the corpus is imported so that the run command shows a populated service.
 */
@ApplicationScoped
public class CorpusLoader {

    private static final Logger LOG = Logger.getLogger(CorpusLoader.class);

    @Inject
    CorpusImporter importer;

    @Inject
    org.hindcast.platform.StartupWork startupWork;

    @Inject
    CorpusConfig config;

    @Inject
    org.hindcast.platform.PlatformConfig platform;

    @ActivateRequestContext
    void onStart(@Observes StartupEvent start) {
        boolean wanted = switch (config.loadOnFirstStart()) {
            case "true" -> true;
            case "false" -> false;
            default -> platform.embedded().active();
        };
        if (wanted && !platform.readOnly() && ((Number) Paper.getEntityManager().createNativeQuery("select count(*) from paper").getSingleResult()).longValue() == 0) {
            LOG.info("The ledger is empty: loading the corpus");
            importConfigured(CorpusImporter.SYSTEM);
        }
        if (!platform.readOnly()) {
            // A bulk import stopped before its last step leaves authors marked for recomputation: finish them, in
            // the background so that the service is up meanwhile (their leaderboard rows are old until then).
            startupWork.submit("pending-scores", () -> importer.refreshPendingScores(message -> LOG.info(message.trim())));
        }
    }

    public List<CorpusSource.Entry> configuredFiles() {
        Path path = Path.of(config.dir());
        return Files.isDirectory(path) ? CorpusSource.directory(path) : CorpusSource.packaged();
    }

    public ImportReport importConfigured(String actor) {
        return importer.importAll(actor, configuredFiles());
    }
}
