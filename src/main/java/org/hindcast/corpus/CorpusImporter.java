package org.hindcast.corpus;

import org.hindcast.common.Text;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hindcast.audit.AuditLog;
import org.hindcast.authors.Author;
import org.hindcast.authors.AuthorNames;
import org.hindcast.authors.AuthorService;
import org.hindcast.evidence.Evidence;
import org.hindcast.evidence.EvidenceService;
import org.hindcast.evidence.Stance;
import org.hindcast.forecasts.Forecast;
import org.hindcast.forecasts.CorrectionProposal;
import org.hindcast.forecasts.CorrectionProposals;
import org.hindcast.forecasts.ForecastInput;
import org.hindcast.forecasts.ForecastRules;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.forecasts.ForecastStatus;
import org.hindcast.forecasts.ProbabilityBasis;
import org.hindcast.forecasts.ResolveByBasis;
import org.hindcast.forecasts.Speaker;
import org.hindcast.papers.Paper;
import org.hindcast.papers.PaperService;
import org.hindcast.phrases.PhraseTable;
import org.hindcast.phrases.PhraseTables;
import org.hindcast.problems.ApiException;
import org.hindcast.resolutions.Outcome;
import org.hindcast.resolutions.Resolution;
import org.hindcast.resolutions.ResolutionService;
import org.hindcast.themes.Theme;
import org.hindcast.themes.ThemeService;
import org.jboss.logging.Logger;

import org.hindcast.trackrecords.ScoreAggregates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads corpus files into the ledger. Each file is one transaction: a file with any problem is refused
 * whole (file, line and field named) and the others still load. Records are found again by slug and by
 * forecast key, so a second run of the same files changes nothing and says so; a changed file is applied
 * as corrections and re-resolutions, which keep the history.
 */
@ApplicationScoped
public class CorpusImporter {

    private static final Logger LOG = Logger.getLogger(CorpusImporter.class);
    /** Who an import is attributed to when nobody ran it: the first load of an empty ledger at start-up. */
    public static final String SYSTEM = "corpus";
    /**
     * The reviewer of record of a verdict that comes from a corpus file: the file's reviewers decided it, not the
     * admin who imported it (who may also have logged the forecast, and one person never both logs and resolves).
     * The admin's part is in the audit log, as "corpus.resolution".
     */
    public static final String REVIEWER = "corpus-review";

    @Inject
    CorpusSchemas schemas;

    @Inject
    ThemeService themes;

    @Inject
    AuthorService authors;

    @Inject
    PaperService papers;

    @Inject
    ForecastService forecasts;

    @Inject
    EvidenceService evidence;

    @Inject
    ResolutionService resolutions;

    @Inject
    PhraseTables phraseTables;

    private record Parsed(CorpusSource.Entry entry, YamlFile yaml, Object doc) {
    }

    @Inject
    BulkLoader bulk;

    @Inject
    ScoreAggregates aggregates;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    CorrectionProposals proposals;

    /** Files read from a directory at a time: a hundred thousand files never sit in memory at once. */
    static final int WINDOW = 5_000;

    /** Imports files, each whole or refused; every record written is attributed to {@code actor}, who ran it. */
    public ImportReport importAll(String actor, List<CorpusSource.Entry> entries) {
        Run run = new Run(actor);
        List<ImportReport.FileResult> results = importBatch(entries, run);
        refreshPendingScores(null);
        ImportReport report = new ImportReport(results);
        recordRun(actor, report);
        LOG.info("Corpus import by " + actor + ":\n" + report.table());
        return report;
    }

    /** One audit entry per run that wrote something: who ran it and what it did (each record's own entry names them too). */
    private void recordRun(String actor, ImportReport report) {
        long refused = report.files().stream().filter(f -> f.outcome() == ImportReport.Outcome.REFUSED).count();
        int added = report.files().stream().mapToInt(f -> f.added().total()).sum();
        int changed = report.files().stream().mapToInt(f -> f.changed().total()).sum();
        int kept = report.files().stream().mapToInt(f -> f.kept().size()).sum();
        if (added + changed == 0) {
            return; // a run that wrote nothing leaves no trace, as a refused request does not
        }
        QuarkusTransaction.requiringNew().run(() -> audit.record(actor, "corpus.import", "corpus", "files",
                report.files().size() + " files: " + added + " records added, " + changed + " changed, " + kept
                        + " ledger corrections kept, " + refused + " files refused"));
    }

    /**
     * Imports every .yaml file of a directory, themes files first, window by window, telling {@code progress}
     * (when given) how far it is. Same rules as {@link #importAll}: each file whole or refused.
     */
    public ImportReport importDirectory(String actor, Path dir, Consumer<String> progress) {
        List<Path> files;
        try (var list = Files.list(dir)) {
            List<Path> yaml = list.filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(Path::getFileName)).toList();
            List<Path> themesFiles = yaml.stream().filter(CorpusImporter::isThemesFile).toList();
            files = new ArrayList<>(themesFiles);
            yaml.stream().filter(f -> !themesFiles.contains(f)).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the corpus directory " + dir, e);
        }
        Run run = new Run(actor);
        long started = System.nanoTime();
        List<ImportReport.FileResult> results = new ArrayList<>();
        // The next window is read and checked (CPU) while this one is written (mostly the database's work).
        var reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<List<Object>> next = reader.submit(() -> readAndCheck(files.subList(0, Math.min(files.size(), WINDOW)), run));
            for (int from = 0; from < files.size(); from += WINDOW) {
                List<Object> checked = next.get();
                int following = from + WINDOW;
                if (following < files.size()) {
                    next = reader.submit(() -> readAndCheck(files.subList(following, Math.min(files.size(), following + WINDOW)), run));
                }
                results.addAll(importChecked(checked, run));
                if (progress != null) {
                    long forecasts = results.stream().mapToLong(r -> r.added().forecasts).sum();
                    double seconds = (System.nanoTime() - started) / 1e9;
                    progress.accept(String.format(Locale.ROOT, "  %,d of %,d files, %,d forecasts added, %.0f s (%,.0f forecasts/s; "
                                    + "reading and checking %.0f s alongside, bulk writes %.0f s, file by file %.0f s)",
                            Math.min(files.size(), from + WINDOW), files.size(), forecasts, seconds, forecasts / seconds,
                            run.parseNanos.get() / 1e9, run.bulkNanos / 1e9, run.oneByOneNanos / 1e9));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not read the corpus files: " + rootMessage(e), e);
        } finally {
            reader.shutdownNow();
        }
        refreshPendingScores(progress);
        ImportReport report = new ImportReport(results);
        recordRun(actor, report);
        return report;
    }

    private static boolean isThemesFile(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            return new String(in.readNBytes(512), StandardCharsets.UTF_8).contains(CorpusDocs.THEMES_FORMAT);
        } catch (IOException e) {
            return false;
        }
    }

    /** One import run: the bulk path's view of the ledger, read when first needed and again after per-file work. */
    private final class Run {
        final String actor;
        BulkLoader.Session session;
        final java.util.concurrent.atomic.AtomicLong parseNanos = new java.util.concurrent.atomic.AtomicLong();
        long bulkNanos;
        long oneByOneNanos;

        Run(String actor) {
            this.actor = actor;
        }

        BulkLoader.Session session() {
            if (session == null) {
                session = bulk.session();
            }
            return session;
        }
    }

    /** Reads and checks files: each becomes a Parsed, or the FileResult of its refusal. */
    private List<Object> readAndCheck(List<Path> files, Run run) {
        long t0 = System.nanoTime();
        List<Object> checked = files.parallelStream().map(f -> {
            try {
                return parse(new CorpusSource.Entry(f.getFileName().toString(), Files.readAllBytes(f)));
            } catch (IOException e) {
                return refused(f.getFileName().toString(), List.of(new CorpusError(f.getFileName().toString(), 0, "$",
                        "could not be read: " + e.getMessage())));
            }
        }).toList();
        run.parseNanos.addAndGet(System.nanoTime() - t0);
        return checked;
    }

    private List<ImportReport.FileResult> importBatch(List<CorpusSource.Entry> entries, Run run) {
        return importChecked(entries.parallelStream().map(this::parse).toList(), run);
    }

    private List<ImportReport.FileResult> importChecked(List<Object> checked, Run run) {
        List<ImportReport.FileResult> results = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (Object o : checked) {
            if (o instanceof Parsed p) {
                parsed.add(p);
            } else {
                results.add((ImportReport.FileResult) o);
            }
        }
        List<Parsed> ordered = inLoadOrder(parsed);
        List<Parsed> papers = new ArrayList<>();
        for (Parsed p : ordered) {
            if (p.doc() instanceof CorpusDocs.ThemesFile) {
                results.add(importOne(p, run.actor));
                run.session = null; // the theme tree may have changed
            } else {
                papers.add(p);
            }
        }
        List<Parsed> oneByOne = new ArrayList<>();
        List<BulkLoader.Accepted> fast = new ArrayList<>();
        if (papers.size() >= BulkLoader.MIN_FILES) {
            BulkLoader.Session session = run.session();
            for (Parsed p : papers) {
                session.accepts(p.entry().name(), (CorpusDocs.PaperFile) p.doc()).ifPresentOrElse(fast::add, () -> oneByOne.add(p));
            }
        } else {
            oneByOne.addAll(papers);
        }
        Map<String, Parsed> byName = new HashMap<>();
        papers.forEach(p -> byName.put(p.entry().name(), p));
        long t1 = System.nanoTime();
        for (int from = 0; from < fast.size(); from += BulkLoader.CHUNK) {
            List<BulkLoader.Accepted> chunk = fast.subList(from, Math.min(fast.size(), from + BulkLoader.CHUNK));
            try {
                results.addAll(bulk.write(chunk, run.session(), run.actor));
            } catch (RuntimeException e) {
                LOG.warnf("A bulk chunk of %d files was refused by the database (%s); importing them one by one",
                        chunk.size(), rootMessage(e));
                run.session = null;
                chunk.forEach(a -> oneByOne.add(byName.get(a.name())));
            }
        }
        long t2 = System.nanoTime();
        run.bulkNanos += t2 - t1;
        for (Parsed p : oneByOne) {
            results.add(importOne(p, run.actor));
        }
        run.oneByOneNanos += System.nanoTime() - t2;
        if (!oneByOne.isEmpty()) {
            run.session = null; // the per-file path may have added authors and papers the bulk path must see
        }
        return results;
    }

    /** Recomputes the leaderboard rows a bulk import left marked, on two workers, until none is left. */
    public void refreshPendingScores(Consumer<String> progress) {
        long pending = aggregates.pendingCount();
        if (pending == 0) {
            return;
        }
        long started = System.nanoTime();
        var done = new java.util.concurrent.atomic.AtomicLong();
        int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                int n;
                while ((n = aggregates.refreshPending(50)) > 0) {
                    long d = done.addAndGet(n);
                    if (progress != null && d % 1000 < n) {
                        progress.accept(String.format(Locale.ROOT, "  scores: %,d of %,d authors recomputed", d, pending));
                    }
                }
            }));
        }
        pool.shutdown();
        try {
            for (var f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recomputing scores", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not recompute scores: " + rootMessage(e), e);
        }
        if (progress != null) {
            progress.accept(String.format(Locale.ROOT, "  scores: %,d authors recomputed in %.1f s", done.get(),
                    (System.nanoTime() - started) / 1e9));
        }
    }

    /** A parsed, schema-checked file, or the refusal of one that is not. */
    private Object parse(CorpusSource.Entry e) {
        try {
            YamlFile yaml = YamlFile.parse(e.name(), e.bytes());
            String format = yaml.tree().path("format").asText("");
            if (format.equals(CorpusDocs.THEMES_FORMAT)) {
                schemas.checkThemes(e.name(), yaml);
                return new Parsed(e, yaml, YamlFile.YAML.treeToValue(yaml.tree(), CorpusDocs.ThemesFile.class));
            }
            unquotedOutcomes(yaml.tree());
            schemas.checkPaper(e.name(), yaml);
            realDates(e.name(), yaml);
            return new Parsed(e, yaml, YamlFile.YAML.treeToValue(yaml.tree(), CorpusDocs.PaperFile.class));
        } catch (CorpusException ex) {
            return refused(e.name(), ex.errors());
        } catch (Exception ex) {
            return refused(e.name(), List.of(new CorpusError(e.name(), 0, "$", String.valueOf(ex.getMessage()))));
        }
    }

    /**
     * The schema checks a date's shape (YYYY-MM-DD); this checks that it names a real day ("2025-02-30" does not),
     * so that the refusal names the field and its line, for the per-file and the bulk path alike.
     */
    private static void realDates(String file, YamlFile yaml) throws CorpusException {
        List<CorpusError> errors = new ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode forecasts = yaml.tree().path("forecasts");
        for (int i = 0; i < forecasts.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode f = forecasts.get(i);
            String at = "$.forecasts[" + i + "]";
            realDate(file, yaml, at + ".madeOn", f.path("madeOn"), errors);
            realDate(file, yaml, at + ".resolveBy", f.path("resolveBy"), errors);
            realDate(file, yaml, at + ".resolution.resolvedOn", f.path("resolution").path("resolvedOn"), errors);
            com.fasterxml.jackson.databind.JsonNode evidence = f.path("evidence");
            for (int k = 0; k < evidence.size(); k++) {
                realDate(file, yaml, at + ".evidence[" + k + "].observedOn", evidence.get(k).path("observedOn"), errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new CorpusException(errors);
        }
    }

    private static void realDate(String file, YamlFile yaml, String path, com.fasterxml.jackson.databind.JsonNode value,
                                 List<CorpusError> errors) {
        if (!value.isTextual()) {
            return;
        }
        try {
            LocalDate.parse(value.asText());
        } catch (java.time.DateTimeException e) {
            errors.add(new CorpusError(file, yaml.lineOf(path), path, "'" + value.asText() + "' is not a real date"));
        }
    }

    /**
     * YAML reads an unquoted TRUE or FALSE as a boolean; an editor who writes {@code outcome: TRUE} means
     * the outcome, so it is read as one.
     */
    private static void unquotedOutcomes(com.fasterxml.jackson.databind.JsonNode tree) {
        for (com.fasterxml.jackson.databind.JsonNode f : tree.path("forecasts")) {
            com.fasterxml.jackson.databind.JsonNode r = f.path("resolution");
            if (r.isObject() && r.path("outcome").isBoolean()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) r).put("outcome", r.path("outcome").asBoolean() ? "TRUE" : "FALSE");
            }
        }
    }

    /** Themes first; then papers, each after the papers its evidence cites. */
    private static List<Parsed> inLoadOrder(List<Parsed> parsed) {
        List<Parsed> ordered = new ArrayList<>();
        parsed.stream().filter(p -> p.doc() instanceof CorpusDocs.ThemesFile).forEach(ordered::add);
        List<Parsed> remaining = new ArrayList<>(parsed.stream().filter(p -> p.doc() instanceof CorpusDocs.PaperFile).toList());
        Set<String> inBatch = remaining.stream().map(p -> ((CorpusDocs.PaperFile) p.doc()).paper().slug()).collect(Collectors.toSet());
        Set<String> placed = new HashSet<>();
        while (!remaining.isEmpty()) {
            Parsed next = remaining.stream().filter(p -> citedSlugs((CorpusDocs.PaperFile) p.doc()).stream()
                    .allMatch(s -> placed.contains(s) || !inBatch.contains(s) || s.equals(((CorpusDocs.PaperFile) p.doc()).paper().slug())))
                    .findFirst().orElse(remaining.get(0));
            remaining.remove(next);
            ordered.add(next);
            placed.add(((CorpusDocs.PaperFile) next.doc()).paper().slug());
        }
        return ordered;
    }

    private static Set<String> citedSlugs(CorpusDocs.PaperFile f) {
        Set<String> slugs = new HashSet<>();
        for (CorpusDocs.ForecastDoc fd : nonNull(f.forecasts())) {
            for (CorpusDocs.EvidenceDoc e : nonNull(fd.evidence())) {
                if (e.citedPaper() != null) {
                    slugs.add(e.citedPaper());
                }
            }
        }
        return slugs;
    }

    /** One file's import: who runs it, what it added and changed, and which ledger corrections it kept. */
    private record FileRun(String actor, String name, YamlFile yaml, ImportReport.Counts added, ImportReport.Counts changed,
                           List<String> kept, List<String> awaitingApproval) {
    }

    private ImportReport.FileResult importOne(Parsed p, String actor) {
        String name = p.entry().name();
        ImportReport.Counts added = new ImportReport.Counts();
        ImportReport.Counts changed = new ImportReport.Counts();
        List<String> kept = new ArrayList<>();
        List<String> awaiting = new ArrayList<>();
        FileRun run = new FileRun(actor, name, p.yaml(), added, changed, kept, awaiting);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try {
                    if (p.doc() instanceof CorpusDocs.ThemesFile t) {
                        importThemes(run, t);
                    } else {
                        importPaper(run, (CorpusDocs.PaperFile) p.doc());
                    }
                } catch (CorpusException e) {
                    throw new Refused(e);
                }
            });
        } catch (Refused r) {
            return refused(name, r.cause.errors());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Corpus file %s refused", name);
            return refused(name, List.of(new CorpusError(name, 0, "$", "could not be stored: " + rootMessage(e))));
        }
        ImportReport.Outcome outcome = added.total() > 0 ? ImportReport.Outcome.LOADED
                : changed.total() > 0 ? ImportReport.Outcome.CHANGED : ImportReport.Outcome.UNCHANGED;
        return new ImportReport.FileResult(name, outcome, added, changed, List.of(), List.copyOf(kept), List.copyOf(awaiting));
    }

    /** Carries a refusal out of the transaction, which it rolls back. */
    private static final class Refused extends RuntimeException {
        final CorpusException cause;

        Refused(CorpusException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }

    private void importThemes(FileRun run, CorpusDocs.ThemesFile file) throws CorpusException {
        String name = run.name();
        YamlFile yaml = run.yaml();
        List<CorpusDocs.ThemeDoc> pending = new ArrayList<>(file.themes());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < file.themes().size(); i++) {
            index.put(file.themes().get(i).slug(), i);
        }
        while (!pending.isEmpty()) {
            CorpusDocs.ThemeDoc t = pending.stream()
                    .filter(d -> d.parent() == null || Theme.findBySlug(d.parent()).isPresent())
                    .findFirst().orElse(null);
            if (t == null) {
                CorpusDocs.ThemeDoc bad = pending.get(0);
                String path = "$.themes[" + index.get(bad.slug()) + "].parent";
                throw new CorpusException(new CorpusError(name, yaml.lineOf(path), path,
                        "no theme '" + bad.parent() + "' (nor one in this file) to be the parent"));
            }
            pending.remove(t);
            String path = "$.themes[" + index.get(t.slug()) + "]";
            String hash = Baseline.hashOf(t.name(), t.parent());
            var existing = Theme.findBySlug(t.slug());
            if (existing.isEmpty()) {
                Theme created = at(name, yaml, path, () -> themes.create(run.actor(), t.slug(), t.name(), t.parent()));
                remember("theme", created.id, hash);
                run.added().themes++;
                continue;
            }
            Theme theme = existing.get();
            String parent = theme.parent == null ? null : theme.parent.slug;
            boolean differs = !theme.name.equals(t.name()) || !Objects.equals(parent, t.parent());
            switch (baseline("theme", theme.id).decide(differs, hash, theme.version)) {
                case AGREE -> remember("theme", theme.id, hash);
                case APPLY -> {
                    at(name, yaml, path, () -> themes.update(run.actor(), t.slug(), theme.version, t.name(), t.parent(),
                            t.parent() == null));
                    remember("theme", theme.id, hash);
                    run.changed().themes++;
                }
                case KEEP_LEDGER -> run.kept().add("theme '" + t.slug() + "' keeps the ledger's name '" + theme.name
                        + "' and parent " + (parent == null ? "none" : "'" + parent + "'"));
                case CONFLICT -> throw conflict(run, path, "The theme '" + t.slug() + "'", null);
            }
        }
    }

    private void importPaper(FileRun run, CorpusDocs.PaperFile file) throws CorpusException {
        String name = run.name();
        YamlFile yaml = run.yaml();
        CorpusDocs.PaperDoc pd = file.paper();
        List<PaperService.PrintedAuthor> printed = new ArrayList<>();
        for (int i = 0; i < pd.authors().size(); i++) {
            int index = i;
            String path = "$.paper.authors[" + i + "]";
            Author author = at(name, yaml, path, () -> ensureAuthor(run, path, pd.authors().get(index)));
            printed.add(new PaperService.PrintedAuthor(author.slug, pd.authors().get(i).name(), null));
        }
        var fields = new PaperService.PaperFields(pd.slug(), pd.title(), pd.publisher(), emptyIfNull(pd.series()),
                emptyIfNull(pd.url()), pd.published(), pd.language() == null ? "en" : pd.language(), printed,
                emptyIfNull(pd.note()), emptyIfNull(pd.sourceText()));
        String hash = Baseline.hashOf(pd);
        Paper paper = Paper.findBySlug(pd.slug()).orElse(null);
        if (paper == null) {
            paper = at(name, yaml, "$.paper", () -> papers.create(run.actor(), fields));
            remember("paper", paper.id, hash);
            run.added().papers++;
        } else {
            Paper stored = paper;
            switch (baseline("paper", paper.id).decide(differs(paper, fields), hash, paper.version)) {
                case AGREE -> remember("paper", paper.id, hash);
                case APPLY -> {
                    paper = at(name, yaml, "$.paper", () -> papers.update(run.actor(), pd.slug(), stored.version, fields));
                    remember("paper", paper.id, hash);
                    run.changed().papers++;
                }
                case KEEP_LEDGER -> run.kept().add("paper '" + pd.slug() + "' keeps the ledger's corrected details");
                case CONFLICT -> throw conflict(run, "$.paper", "The paper '" + pd.slug() + "'", pd.slug());
            }
        }

        List<CorpusDocs.ForecastDoc> docs = nonNull(file.forecasts());
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < docs.size(); i++) {
            CorpusDocs.ForecastDoc fd = docs.get(i);
            String path = "$.forecasts[" + i + "]";
            if (!keys.add(fd.key())) {
                throw new CorpusException(new CorpusError(name, yaml.lineOf(path + ".key"), path + ".key",
                        "the key '" + fd.key() + "' is used twice in this file"));
            }
            importForecast(run, path, paper, fd);
        }
    }

    private Author ensureAuthor(FileRun run, String path, CorpusDocs.AuthorDoc ad) throws CorpusException {
        Author author = ad.slug() == null ? null : authors.findBySlug(ad.slug()).orElse(null);
        if (author == null) {
            author = authors.findByName(ad.name()).orElse(null);
        }
        // The file has a say on an author's display name and affiliation only where it gives them.
        boolean says = ad.displayName() != null || ad.affiliation() != null;
        String hash = Baseline.hashOf(ad.displayName(), ad.affiliation());
        if (author == null) {
            List<String> aliases = new ArrayList<>(nonNull(ad.aliases()));
            aliases.add(ad.name());
            author = authors.create(run.actor(), ad.slug(), ad.displayName() != null ? ad.displayName() : ad.name(),
                    Text.blankToNull(ad.affiliation()), aliases);
            if (says) {
                remember("author", author.id, hash);
            }
            run.added().authors++;
            return author;
        }
        boolean touched = false;
        boolean differs = (ad.displayName() != null && !ad.displayName().equals(author.displayName))
                || (ad.affiliation() != null && !ad.affiliation().equals(author.affiliation));
        if (says) {
            switch (baseline("author", author.id).decide(differs, hash, author.version)) {
                case AGREE -> remember("author", author.id, hash);
                case APPLY -> {
                    authors.update(run.actor(), author.slug, author.version, ad.displayName(), ad.affiliation());
                    remember("author", author.id, hash);
                    touched = true;
                }
                case KEEP_LEDGER -> run.kept().add("author '" + author.slug + "' keeps the ledger's name '" + author.displayName
                        + "'" + (author.affiliation == null ? "" : " and affiliation '" + author.affiliation + "'"));
                case CONFLICT -> throw conflict(run, path, "The author '" + author.slug + "'", null);
            }
        }
        long before = author.version;
        for (String alias : concat(ad.name(), nonNull(ad.aliases()))) {
            if (!author.hasAliasKey(AuthorNames.key(alias))) {
                authors.addAlias(run.actor(), author.slug, alias);
                touched = true;
            }
        }
        if (touched) {
            // A name the file adds is the import's own change, not a correction in the ledger.
            advance("author", author.id, before);
            run.changed().authors++;
        }
        return author;
    }

    private void importForecast(FileRun run, String path, Paper paper, CorpusDocs.ForecastDoc fd) throws CorpusException {
        String file = run.name();
        YamlFile yaml = run.yaml();
        Forecast found = Forecast.<Forecast>find("paper = ?1 and corpusKey = ?2", paper, fd.key()).firstResult();
        if (found == null && fd.key().matches("forecast-\\d+")) {
            // An exported forecast that was logged through the API: its key is its id; adopt it.
            Forecast logged = Forecast.findById(Long.parseLong(fd.key().substring("forecast-".length())));
            if (logged != null && logged.paper.id.equals(paper.id) && logged.corpusKey == null) {
                logged.corpusKey = fd.key();
                found = logged;
            }
        }
        Forecast stored = found;
        if (stored != null && stored.status == ForecastStatus.WITHDRAWN) {
            run.kept().add("forecast '" + fd.key() + "' was withdrawn in the ledger and stays withdrawn");
            return;
        }
        Speaker speaker = fd.speaker() == null ? Speaker.AUTHORS : Speaker.valueOf(fd.speaker());
        ProbabilityBasis basis = fd.probabilityBasis() == null ? null : ProbabilityBasis.valueOf(fd.probabilityBasis());
        // The rule's date as of the day the forecast was logged: a paper of a month still running dates its forecasts
        // on the day they are logged, and a later import does not move them forward day by day.
        LocalDate loggedOn = stored == null ? LocalDate.now(java.time.ZoneOffset.UTC)
                : stored.createdAt.atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
        LocalDate madeOn = fd.madeOn() == null ? ForecastRules.defaultMadeOn(paper.published(), loggedOn) : LocalDate.parse(fd.madeOn());
        // A forecast of a month- or year-precision paper with no madeOn of its own takes its date from the rule
        // (ForecastRules.defaultMadeOn), not from the file: the date is part of what the file says of it, so that a
        // ledger loaded under an older rule (the 1st of the month) is brought to the rule, not "kept".
        String hash = fd.madeOn() == null && paper.published().precision() != org.hindcast.papers.DatePrecision.DAY
                ? Baseline.hashOf(java.util.Arrays.asList(fd, "madeOn " + madeOn)) : Baseline.hashOf(fd);
        CorpusDocs.ResolutionDoc rd = fd.resolution();
        Forecast f;
        boolean apply;
        boolean afterVerdict = false;
        long versionAtStart = stored == null ? 0 : stored.version;
        if (stored == null) {
            f = at(file, yaml, path, () -> forecasts.create(run.actor(), new ForecastInput.NewForecast(paper.slug, fd.statement(),
                    fd.quote(), speaker, fd.thirdParty(), fd.condition(), fd.phrase(), fd.probability(), basis,
                    fd.phraseTableVersion(), madeOn, LocalDate.parse(fd.resolveBy()), ResolveByBasis.valueOf(fd.resolveByBasis()),
                    fd.resolveByNote(), fd.resolutionCriteria(), fd.themes(), fd.authors()).withSameQuoteAs(sameQuoteAs(file, yaml, path, paper, fd))));
            f.corpusKey = fd.key();
            // Written now, so that the version a resolution below is checked against is the stored one.
            Forecast.flush();
            run.added().forecasts++;
            apply = true;
        } else {
            ForecastInput.Correction correction = correctionFor(file, stored, fd, speaker, basis, madeOn);
            boolean verdictDiffers = rd != null && verdictDiffers(stored, rd);
            switch (baseline("forecast", stored.id).decide(correction != null || verdictDiffers, hash, stored.version)) {
                case AGREE, APPLY -> apply = true;
                case KEEP_LEDGER -> {
                    run.kept().add("forecast '" + fd.key() + "' keeps the ledger's correction (version " + stored.version + ")");
                    apply = false;
                }
                default -> throw conflict(run, path, "The forecast '" + fd.key() + "'", paper.slug);
            }
            if (apply && correction != null && stored.status == ForecastStatus.PENDING) {
                f = at(file, yaml, path, () -> forecasts.correct(run.actor(), stored.id, correction));
                run.changed().forecasts++;
            } else {
                // A forecast with its verdict is corrected after the file's verdict, by the rule for changes after a
                // verdict (below): a change of what the verdict settled waits for a second person.
                f = stored;
                afterVerdict = apply && correction != null;
            }
        }
        long forecastId = f.id;

        // Evidence only ever adds: what the file cites and the ledger lacks.
        List<Evidence> existing = Evidence.of(forecastId);
        List<Long> evidenceIds = new ArrayList<>();
        List<CorpusDocs.EvidenceDoc> evidenceDocs = nonNull(fd.evidence());
        for (int i = 0; i < evidenceDocs.size(); i++) {
            CorpusDocs.EvidenceDoc ed = evidenceDocs.get(i);
            Evidence match = existing.stream().filter(e -> e.summary.equals(ed.summary().trim())
                    && e.observedOn.equals(LocalDate.parse(ed.observedOn()))).findFirst().orElse(null);
            if (match == null) {
                match = at(file, yaml, path + ".evidence[" + i + "]", () -> evidence.add(run.actor(), forecastId,
                        new EvidenceService.NewEvidence(ed.summary(), LocalDate.parse(ed.observedOn()), ed.citationUrl(),
                                ed.citedPaper(), ed.citationNote(), Stance.valueOf(ed.stance()), ed.quote())));
                run.added().evidence++;
            }
            evidenceIds.add(match.id);
        }
        if (!apply) {
            return;
        }

        if (rd != null) {
            Outcome outcome = Outcome.valueOf(rd.outcome());
            LocalDate resolvedOn = LocalDate.parse(rd.resolvedOn());
            String where = path + ".resolution";
            if (f.status == ForecastStatus.PENDING) {
                long version = f.version;
                at(file, yaml, where, () -> resolutions.resolve(REVIEWER, forecastId, new ResolutionService.Verdict(version,
                        outcome, rd.credit(), resolvedOn, rd.rationale(), null, evidenceIds)));
                audit.record(run.actor(), "corpus.resolution", "forecast", Long.toString(forecastId),
                        "imported the verdict of " + file + ": " + outcome);
                run.added().resolutions++;
            } else if (verdictDiffers(f, rd)) {
                long version = f.version;
                at(file, yaml, where, () -> resolutions.resolve(REVIEWER, forecastId, new ResolutionService.Verdict(version,
                        outcome, rd.credit(), resolvedOn, rd.rationale(),
                        "The corpus file " + file + " gives a different verdict.", evidenceIds)));
                audit.record(run.actor(), "corpus.resolution", "forecast", Long.toString(forecastId),
                        "imported the changed verdict of " + file + ": " + outcome);
                run.changed().resolutions++;
            }
        }
        if (afterVerdict && !correctAfterVerdict(run, path, fd, f, speaker, basis, madeOn, hash, versionAtStart)) {
            return;
        }
        remember("forecast", forecastId, hash);
    }

    /**
     * A file's correction of a forecast that has its verdict goes through the one door for corrections by people
     * (CorrectionProposals): applied at once when it touches nothing the verdict settled, otherwise proposed in the
     * name of whoever ran the import, for a second staff member to approve. Returns whether the ledger now holds
     * what the file says; while a proposal waits, the record's baseline follows only the import's own changes (a
     * re-resolution), so that the next run finds the same proposal again instead of a conflict.
     */
    private boolean correctAfterVerdict(FileRun run, String path, CorpusDocs.ForecastDoc fd, Forecast f, Speaker speaker,
                                        ProbabilityBasis basis, LocalDate madeOn, String hash, long versionAtStart)
            throws CorpusException {
        ForecastInput.Correction now = correctionFor(run.name(), f, fd, speaker, basis, madeOn);
        if (now == null) {
            return true;
        }
        CorrectionProposals.Outcome outcome = at(run.name(), run.yaml(), path,
                () -> proposals.submitFromCorpus(run.actor(), f.id, now, hash));
        if (outcome.applied() != null) {
            run.changed().forecasts++;
            return true;
        }
        CorrectionProposal p = outcome.proposed();
        if (p.status == CorrectionProposal.Status.REJECTED) {
            run.kept().add("forecast '" + fd.key() + "' keeps its values: " + p.decidedBy + " rejected the file's correction"
                    + " after the verdict (proposal " + p.id + ")");
        } else {
            run.awaitingApproval().add("forecast '" + fd.key() + "' (id " + f.id + "): proposal " + p.id + " by "
                    + p.proposedBy + " changes " + String.join(", ", ForecastRules.settledChanges(f, now))
                    + " after the verdict");
        }
        advance("forecast", f.id, versionAtStart);
        return false;
    }

    /** The forecast a file's sameQuoteAs key names: one of this paper's, logged before it. */
    private static Long sameQuoteAs(String file, YamlFile yaml, String path, Paper paper, CorpusDocs.ForecastDoc fd)
            throws CorpusException {
        if (fd.sameQuoteAs() == null) {
            return null;
        }
        Forecast first = Forecast.<Forecast>find("paper = ?1 and corpusKey = ?2", paper, fd.sameQuoteAs()).firstResult();
        if (first == null) {
            throw new CorpusException(new CorpusError(file, yaml.lineOf(path + ".sameQuoteAs"), path + ".sameQuoteAs",
                    "no forecast '" + fd.sameQuoteAs() + "' before this one in the file"));
        }
        return first.id;
    }

    /** Whether the file's verdict is not the forecast's latest one (a pending forecast has none). */
    private static boolean verdictDiffers(Forecast f, CorpusDocs.ResolutionDoc rd) {
        if (f.status == ForecastStatus.PENDING) {
            return true;
        }
        List<Resolution> history = Resolution.of(f.id);
        Resolution latest = history.get(history.size() - 1);
        return latest.outcome != Outcome.valueOf(rd.outcome()) || !Objects.equals(latest.credit, rd.credit())
                || !latest.resolvedOn.equals(LocalDate.parse(rd.resolvedOn())) || !latest.rationale.equals(rd.rationale().trim());
    }

    /** The record's baseline: what its file said, and its version, when it was last imported. */
    private Baseline baseline(String table, long id) {
        Object[] row = (Object[]) em.createNativeQuery("select corpus_hash, corpus_version from " + table + " where id = ?1")
                .setParameter(1, id).getSingleResult();
        return new Baseline((String) row[0], row[1] == null ? null : ((Number) row[1]).longValue());
    }

    /** Records that the ledger now holds what the file says (hash), at the record's current version. */
    private void remember(String table, long id, String hash) {
        em.flush();
        em.createNativeQuery("update " + table + " set corpus_hash = ?1, corpus_version = version where id = ?2")
                .setParameter(1, hash).setParameter(2, id).executeUpdate();
    }

    /** After the import's own change to a record: its baseline follows, if nobody had changed the record since. */
    private void advance(String table, long id, long versionBefore) {
        em.flush();
        em.createNativeQuery("update " + table + " set corpus_version = version where id = ?1 and corpus_version = ?2")
                .setParameter(1, id).setParameter(2, versionBefore).executeUpdate();
    }

    private static CorpusException conflict(FileRun run, String path, String what, String paperSlug) {
        return new CorpusException(new CorpusError(run.name(), run.yaml().lineOf(path), path, what
                + " was changed in the ledger since its last import, and this file changes it too: nothing of the file "
                + "was written. " + (paperSlug == null ? "Bring the file in line with the ledger"
                : "Export the paper (GET /api/papers/" + paperSlug + "/corpus-file)") + ", carry the file's change over, "
                + "and import again."));
    }

    /** The correction that brings a stored forecast to what its file says, or null when they agree. */
    private ForecastInput.Correction correctionFor(String file, Forecast f, CorpusDocs.ForecastDoc fd, Speaker speaker,
                                                   ProbabilityBasis basis, LocalDate madeOn) {
        boolean any = false;
        String statement = null;
        String quote = null;
        Speaker newSpeaker = null;
        String thirdParty = null;
        String condition = null;
        String criteria = null;
        String note = null;
        LocalDate newMadeOn = null;
        LocalDate resolveBy = null;
        ResolveByBasis resolveByBasis = null;
        if (!f.statement.equals(fd.statement().trim())) {
            statement = fd.statement();
            any = true;
        }
        if (!f.quote.equals(fd.quote().trim())) {
            quote = fd.quote();
            any = true;
        }
        if (f.speaker != speaker || !Objects.equals(f.thirdParty, Text.blankToNull(fd.thirdParty()))) {
            newSpeaker = speaker;
            thirdParty = fd.thirdParty() == null ? "" : fd.thirdParty();
            any = true;
        }
        if (!Objects.equals(f.condition, Text.blankToNull(fd.condition()))) {
            condition = fd.condition() == null ? "" : fd.condition();
            any = true;
        }
        if (!Objects.equals(f.resolutionCriteria, Text.blankToNull(fd.resolutionCriteria()))) {
            criteria = fd.resolutionCriteria() == null ? "" : fd.resolutionCriteria();
            any = true;
        }
        if (!Objects.equals(f.resolveByNote, Text.blankToNull(fd.resolveByNote()))) {
            note = fd.resolveByNote() == null ? "" : fd.resolveByNote();
            any = true;
        }
        if (!f.madeOn.equals(madeOn)) {
            newMadeOn = madeOn;
            any = true;
        }
        if (!f.resolveBy.toString().equals(fd.resolveBy())) {
            resolveBy = LocalDate.parse(fd.resolveBy());
            any = true;
        }
        if (f.resolveByBasis != ResolveByBasis.valueOf(fd.resolveByBasis())) {
            resolveByBasis = ResolveByBasis.valueOf(fd.resolveByBasis());
            any = true;
        }
        // Probability: what the file means, with the phrase table's point where it gives no number.
        ProbabilityBasis wantBasis = basis != null ? basis : ProbabilityBasis.PHRASE_TABLE;
        Double wantP = fd.probability();
        String wantVersion = null;
        if (wantBasis == ProbabilityBasis.PHRASE_TABLE) {
            PhraseTable table = fd.phraseTableVersion() == null ? phraseTables.current()
                    : phraseTables.version(fd.phraseTableVersion()).orElse(null);
            var entry = table == null || fd.phrase() == null ? java.util.Optional.<PhraseTable.Entry>empty() : table.lookup(fd.phrase());
            wantP = entry.map(PhraseTable.Entry::point).orElse(wantP);
            wantVersion = table == null ? fd.phraseTableVersion() : table.version();
        }
        boolean probabilityDiffers = f.probabilityBasis != wantBasis || !Objects.equals(f.phrase, Text.blankToNull(fd.phrase()))
                || wantP == null || f.probability != wantP || !Objects.equals(f.phraseTableVersion, wantVersion);
        if (probabilityDiffers) {
            any = true;
        }
        List<String> themeSlugs = f.themes.stream().map(t -> t.slug).sorted().toList();
        List<String> wantThemes = fd.themes().stream().sorted().toList();
        List<String> newThemes = themeSlugs.equals(wantThemes) ? null : fd.themes();
        any |= newThemes != null;
        List<String> authorSlugs = f.authors.stream().map(a -> a.slug).sorted().toList();
        List<String> wantAuthors = speaker == Speaker.THIRD_PARTY ? List.of()
                : fd.authors() == null ? f.paper.authors.stream().map(a -> a.slug).sorted().toList()
                : fd.authors().stream().sorted().toList();
        List<String> newAuthors = authorSlugs.equals(wantAuthors) ? null : wantAuthors;
        any |= newAuthors != null;
        if (!any) {
            return null;
        }
        return new ForecastInput.Correction(f.version, "The corpus file " + file + " changed.", statement, quote,
                newSpeaker, thirdParty, condition, probabilityDiffers ? (fd.phrase() == null ? "" : fd.phrase()) : null,
                probabilityDiffers ? fd.probability() : null, probabilityDiffers ? wantBasis : null,
                probabilityDiffers ? fd.phraseTableVersion() : null, newMadeOn, resolveBy, resolveByBasis, note, criteria,
                newThemes, newAuthors);
    }

    private static boolean differs(Paper p, PaperService.PaperFields f) {
        List<String> slugs = p.authors.stream().map(a -> a.slug).toList();
        List<String> wantSlugs = f.authors().stream().map(PaperService.PrintedAuthor::slug).toList();
        List<String> wantNames = f.authors().stream().map(PaperService.PrintedAuthor::name).toList();
        return !p.title.equals(f.title()) || !p.publisher.equals(f.publisher())
                || !Objects.equals(p.series, Text.blankToNull(f.series())) || !Objects.equals(p.url, Text.blankToNull(f.url()))
                || !p.published().text().equals(f.published()) || !p.language.equals(f.language())
                || !Objects.equals(p.note, Text.blankToNull(f.note())) || !Objects.equals(p.sourceText, Text.blankToNull(f.sourceText()))
                || !slugs.equals(wantSlugs) || !wantNames.equals(p.printedAuthors);
    }

    private interface Step<T> {
        T run() throws CorpusException;
    }

    /** Runs one step of a file's import, naming the file, line and field of whatever the ledger refuses. */
    private static <T> T at(String file, YamlFile yaml, String path, Step<T> step) throws CorpusException {
        try {
            return step.run();
        } catch (ApiException e) {
            List<CorpusError> errors = new ArrayList<>();
            if (e.errors() != null && !e.errors().isEmpty()) {
                for (var fe : e.errors()) {
                    String field = path + "." + fe.field();
                    errors.add(new CorpusError(file, yaml.lineOf(field), field, fe.message()));
                }
            } else {
                errors.add(new CorpusError(file, yaml.lineOf(path), path, e.getMessage()));
            }
            throw new CorpusException(errors);
        } catch (jakarta.validation.ConstraintViolationException e) {
            // An entity's own rule (a NUL in a text, say): named by its field, under the step's path.
            List<CorpusError> errors = new ArrayList<>();
            for (var v : e.getConstraintViolations()) {
                String field = path + "." + v.getPropertyPath();
                errors.add(new CorpusError(file, yaml.lineOf(field), field, v.getMessage()));
            }
            throw new CorpusException(errors);
        }
    }

    private static ImportReport.FileResult refused(String name, List<CorpusError> errors) {
        return new ImportReport.FileResult(name, ImportReport.Outcome.REFUSED, new ImportReport.Counts(),
                new ImportReport.Counts(), errors);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String emptyIfNull(String s) {
        return s == null ? "" : s;
    }

}
