package org.hindcast.corpus;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hindcast.authors.AuthorNames;
import org.hindcast.common.Text;
import org.hindcast.evidence.EvidenceRules;
import org.hindcast.evidence.EvidenceService;
import org.hindcast.evidence.Stance;
import org.hindcast.forecasts.ForecastRules;
import org.hindcast.forecasts.ProbabilityBasis;
import org.hindcast.forecasts.ResolveByBasis;
import org.hindcast.forecasts.Speaker;
import org.hindcast.resolutions.Outcome;
import org.hindcast.resolutions.ResolutionService;
import org.hindcast.resolutions.VerdictRules;
import org.hindcast.papers.PublishedDate;
import org.hindcast.phrases.PhraseTables;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The importer's fast path for files of papers the ledger does not hold yet: many files per transaction,
 * written with COPY, with the rows and audit entries the per-file path would write.
 *
 * <p>Why it is safe: a file takes this path only when {@link Session#accepts} has checked in memory every
 * rule the services would check (phrase table, dates, speaker, themes, authors, verdicts). Anything else
 * (a paper already present, evidence citing another paper, an author whose stored details differ, an
 * unusual field) goes through the per-file path, which applies corrections and names the file, line and
 * field of each refusal. A chunk is one transaction: if the database refuses any of it, nothing of it
 * stays, and its files are imported again one by one, so a file is always whole or absent.
 *
 * <p>Leaderboard aggregates: recomputing a prolific author after every chunk would redo thousands of
 * forecasts a hundred times, so the chunk only records its authors in score_refresh_pending, in its own
 * transaction; the importer refreshes them once at the end, and a crash before that leaves the markers for
 * the next import or start-up (ScoreAggregates.refreshPending). Nothing can be left stale without a marker.
 */
@ApplicationScoped
public class BulkLoader {

    /** Below this many new papers the per-file path is about as quick, and its reports are the reference. */
    public static final int MIN_FILES = 20;
    /** Files per transaction: large enough that commits cost little, small enough that a refusal redoes little. */
    static final int CHUNK = 500;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PhraseTables phraseTables;

    Clock clock = Clock.systemUTC();

    /** A paper file that passed the in-memory checks, with the values the per-file path would store. */
    record Accepted(String name, CorpusDocs.PaperFile file, PublishedDate published, List<AuthorState> authors,
                    List<ForecastValues> forecasts) {
    }

    record ForecastValues(CorpusDocs.ForecastDoc doc, String speaker, String thirdParty, String phrase, double probability,
                          String basis, String tableVersion, LocalDate madeOn, LocalDate resolveBy, List<Long> themeIds,
                          boolean scoredForAuthors, String status, Double credit, LocalDate resolvedOn) {
    }

    /** An author as the ledger holds it (id > 0) or as this import will create it (id 0 until written). */
    static final class AuthorState {
        final String slug;
        final String displayName;
        final String affiliation;
        final Set<String> aliasKeys;
        final List<String> newAliases = new ArrayList<>();
        /** What the file said of the author's name and affiliation, for the next import to compare; null when it said nothing. */
        String baselineHash;
        long id;

        AuthorState(long id, String slug, String displayName, String affiliation, Set<String> aliasKeys) {
            this.id = id;
            this.slug = slug;
            this.displayName = displayName;
            this.affiliation = affiliation;
            this.aliasKeys = aliasKeys;
        }
    }

    /** What the ledger holds, read once per import, and kept up to date as chunks are written. */
    public final class Session {
        final Map<String, AuthorState> authors = new HashMap<>();
        final Map<String, String> aliasOwner = new HashMap<>();
        /** Confusable skeleton of every name key, and whose it is: a look-alike goes the per-file way, which refuses it. */
        final Map<String, String> skeletonOwner = new HashMap<>();
        final Map<String, Long> themes = new HashMap<>();
        final Set<String> papers = new HashSet<>();
        final LocalDate today = LocalDate.now(clock);

        Session() {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("select a.id, a.slug, a.display_name, a.affiliation, "
                        + "array(select alias_key from author_alias x where x.author_id = a.id) from author a")) {
                    while (r.next()) {
                        Set<String> keys = new HashSet<>(List.of((String[]) r.getArray(5).getArray()));
                        AuthorState a = new AuthorState(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), keys);
                        authors.put(a.slug, a);
                        keys.forEach(k -> aliasOwner.put(k, a.slug));
                        keys.forEach(k -> skeletonOwner.put(AuthorNames.skeletonOfKey(k), a.slug));
                    }
                }
                try (ResultSet r = s.executeQuery("select slug, id from theme")) {
                    while (r.next()) {
                        themes.put(r.getString(1), r.getLong(2));
                    }
                }
                try (ResultSet r = s.executeQuery("select slug from paper")) {
                    while (r.next()) {
                        papers.add(r.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the ledger for a bulk import: " + e.getMessage(), e);
            }
        }

        /** The file, checked and with its values, when the bulk path can take it; empty when it must go file by file. */
        Optional<Accepted> accepts(String name, CorpusDocs.PaperFile file) {
            CorpusDocs.PaperDoc pd = file.paper();
            if (papers.contains(pd.slug())) {
                return Optional.empty();
            }
            PublishedDate published;
            try {
                published = PublishedDate.parse(pd.published());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            Map<String, AuthorState> claimed = new LinkedHashMap<>();
            for (CorpusDocs.AuthorDoc ad : pd.authors()) {
                AuthorState a = checkAuthor(ad, claimed);
                if (a == null || claimed.containsKey(a.slug)) {
                    return Optional.empty();
                }
                claimed.put(a.slug, a);
            }
            List<ForecastValues> values = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            Map<String, Set<String>> keysByQuote = new HashMap<>();
            Set<String> quoteAndStatement = new HashSet<>();
            for (CorpusDocs.ForecastDoc fd : CorpusImporter.nonNull(file.forecasts())) {
                ForecastValues v = keys.add(fd.key()) ? checkForecast(fd, published) : null;
                if (v == null) {
                    return Optional.empty();
                }
                // one quote, one forecast, unless the file says the sentence holds another (ForecastService's rule)
                String quote = ForecastRules.fold(fd.quote());
                Set<String> sameQuote = keysByQuote.computeIfAbsent(quote, q -> new HashSet<>());
                boolean declared = fd.sameQuoteAs() != null && sameQuote.contains(fd.sameQuoteAs());
                if (sameQuote.isEmpty() ? fd.sameQuoteAs() != null : !declared) {
                    return Optional.empty();
                }
                if (!quoteAndStatement.add(quote + "\u0000" + ForecastRules.fold(fd.statement()))) {
                    return Optional.empty();
                }
                sameQuote.add(fd.key());
                values.add(v);
            }
            // Accepted: what it creates is now known to the files after it.
            papers.add(pd.slug());
            for (AuthorState a : claimed.values()) {
                if (a.id == 0 && !authors.containsKey(a.slug)) {
                    authors.put(a.slug, a);
                    a.aliasKeys.forEach(k -> aliasOwner.put(k, a.slug));
                    a.aliasKeys.forEach(k -> skeletonOwner.put(AuthorNames.skeletonOfKey(k), a.slug));
                }
            }
            return Optional.of(new Accepted(name, file, published, List.copyOf(claimed.values()), values));
        }

        /** The author as the per-file path would find or create them; null where it would change or refuse something. */
        private AuthorState checkAuthor(CorpusDocs.AuthorDoc ad, Map<String, AuthorState> claimed) {
            if (ad.slug() == null) {
                return null;
            }
            List<String> names = new ArrayList<>();
            names.add(ad.name());
            names.addAll(CorpusImporter.nonNull(ad.aliases()));
            AuthorState known = authors.get(ad.slug());
            if (known != null) {
                boolean same = (ad.displayName() == null || ad.displayName().equals(known.displayName))
                        && (ad.affiliation() == null || ad.affiliation().equals(known.affiliation))
                        && names.stream().allMatch(n -> known.aliasKeys.contains(AuthorNames.key(n)));
                return same ? known : null;
            }
            String displayName = AuthorNames.normalize(ad.displayName() != null ? ad.displayName() : ad.name());
            List<String> aliases = new ArrayList<>();
            Set<String> keys = new LinkedHashSet<>();
            names.add(0, displayName);
            for (String n : names) {
                String key = AuthorNames.key(n);
                if (key.isEmpty() || aliasOwner.containsKey(key) || AuthorNames.problem(n).isPresent()
                        || skeletonOwner.containsKey(AuthorNames.skeletonOfKey(key))) {
                    // another author answers to this name or one like it, or the name is not acceptable: the
                    // per-file path says so
                    return null;
                }
                if (keys.add(key)) {
                    aliases.add(AuthorNames.normalize(n));
                }
            }
            AuthorState created = new AuthorState(0, ad.slug(), displayName, Text.blankToNull(ad.affiliation()), keys);
            created.newAliases.addAll(aliases);
            if (ad.displayName() != null || ad.affiliation() != null) {
                created.baselineHash = Baseline.hashOf(ad.displayName(), ad.affiliation());
            }
            return created;
        }

        /**
         * The forecast's values when the rules the services apply (ForecastRules, EvidenceRules, VerdictRules: the
         * same code) accept it; null where the per-file path must decide, and say why with file, line and field.
         */
        private ForecastValues checkForecast(CorpusDocs.ForecastDoc fd, PublishedDate printed) {
            if (fd.authors() != null) {
                return null; // an explicit author list is checked by the per-file path
            }
            ForecastRules.Checked checked;
            LocalDate madeOn;
            try {
                madeOn = fd.madeOn() == null ? ForecastRules.defaultMadeOn(printed, today) : LocalDate.parse(fd.madeOn());
                checked = ForecastRules.check(new ForecastRules.Draft(fd.quote(),
                                fd.speaker() == null ? Speaker.AUTHORS : Speaker.valueOf(fd.speaker()), fd.thirdParty(), 0,
                                fd.phrase(), fd.probability(),
                                fd.probabilityBasis() == null ? null : ProbabilityBasis.valueOf(fd.probabilityBasis()),
                                fd.phraseTableVersion(), madeOn, LocalDate.parse(fd.resolveBy()),
                                ResolveByBasis.valueOf(fd.resolveByBasis()), fd.resolveByNote(), printed),
                        v -> v == null ? Optional.of(phraseTables.current()) : phraseTables.version(v), today);
            } catch (RuntimeException e) {
                return null; // a value the rules cannot read: the per-file path names it
            }
            if (!checked.ok()) {
                return null;
            }
            List<Long> themeIds = new ArrayList<>();
            for (String slug : fd.themes()) {
                Long id = themes.get(slug);
                if (id == null) {
                    return null;
                }
                if (!themeIds.contains(id)) {
                    themeIds.add(id);
                }
            }
            for (CorpusDocs.EvidenceDoc e : CorpusImporter.nonNull(fd.evidence())) {
                try {
                    var in = new EvidenceService.NewEvidence(e.summary(), LocalDate.parse(e.observedOn()), e.citationUrl(),
                            e.citedPaper(), e.citationNote(), Stance.valueOf(e.stance()), e.quote());
                    // evidence citing a paper of the ledger goes by the per-file path, which finds the paper
                    if (e.citedPaper() != null || Text.blankToNull(e.summary()) == null
                            || !EvidenceRules.check(in, madeOn, slug -> Optional.empty(), today).isEmpty()) {
                        return null;
                    }
                } catch (RuntimeException ex) {
                    return null;
                }
            }
            String status = "PENDING";
            Double credit = null;
            LocalDate resolvedOn = null;
            CorpusDocs.ResolutionDoc rd = fd.resolution();
            if (rd != null) {
                Outcome outcome;
                try {
                    resolvedOn = LocalDate.parse(rd.resolvedOn());
                    outcome = Outcome.valueOf(rd.outcome());
                } catch (RuntimeException e) {
                    return null;
                }
                var verdict = new ResolutionService.Verdict(0L, outcome, rd.credit(), resolvedOn, rd.rationale(), null, List.of());
                if (Text.blankToNull(rd.rationale()) == null || (rd.credit() != null && !(rd.credit() >= 0 && rd.credit() <= 1))
                        || !VerdictRules.check(verdict, false, madeOn, today).isEmpty()) {
                    return null;
                }
                status = outcome.name();
                credit = VerdictRules.credit(outcome, rd.credit());
            }
            ForecastRules.Price price = checked.price();
            boolean third = "THIRD_PARTY".equals(fd.speaker());
            return new ForecastValues(fd, third ? "THIRD_PARTY" : "AUTHORS", Text.blankToNull(fd.thirdParty()),
                    Text.blankToNull(fd.phrase()), price.probability(), price.basis().name(), price.tableVersion(), madeOn,
                    LocalDate.parse(fd.resolveBy()), themeIds, !third, status, credit, resolvedOn);
        }
    }

    public Session session() {
        return new Session();
    }

    /** Writes the files in one transaction; on any database refusal nothing of them stays and the caller goes file by file. */
    List<ImportReport.FileResult> write(List<Accepted> files, Session session, String actor) {
        return QuarkusTransaction.requiringNew().timeout(1800).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return writeRows(c, files, session, actor);
            }
        });
    }

    private List<ImportReport.FileResult> writeRows(Connection c, List<Accepted> files, Session session, String actor)
            throws Exception {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String reviewer = CorpusImporter.REVIEWER;
        List<AuthorState> newAuthors = new ArrayList<>();
        int forecasts = 0;
        int evidence = 0;
        int resolutions = 0;
        for (Accepted a : files) {
            for (AuthorState s : a.authors()) {
                if (s.id == 0 && !newAuthors.contains(s)) {
                    newAuthors.add(s);
                }
            }
            forecasts += a.forecasts().size();
            for (ForecastValues f : a.forecasts()) {
                evidence += CorpusImporter.nonNull(f.doc().evidence()).size();
                resolutions += f.doc().resolution() == null ? 0 : 1;
            }
        }
        long[] authorIds = ids(c, "author", newAuthors.size());
        long[] paperIds = ids(c, "paper", files.size());
        long[] forecastIds = ids(c, "forecast", forecasts);
        long[] evidenceIds = ids(c, "evidence", evidence);
        long[] resolutionIds = ids(c, "resolution", resolutions);

        Rows author = new Rows();
        Rows alias = new Rows();
        Rows paper = new Rows();
        Rows paperAuthor = new Rows();
        Rows forecast = new Rows();
        Rows forecastAuthor = new Rows();
        Rows forecastTheme = new Rows();
        Rows evidenceRows = new Rows();
        Rows resolution = new Rows();
        Rows resolutionEvidence = new Rows();
        Rows audit = new Rows();
        Set<Long> touched = new HashSet<>();

        for (int i = 0; i < newAuthors.size(); i++) {
            AuthorState s = newAuthors.get(i);
            s.id = authorIds[i];
            author.row(s.id, s.slug, s.displayName, s.affiliation, s.baselineHash, s.baselineHash == null ? null : 0);
            for (String name : s.newAliases) {
                alias.row(s.id, name, AuthorNames.key(name), AuthorNames.skeleton(name), AuthorNames.letters(name));
            }
            audit.row(actor, "author.create", "author", s.slug, s.displayName);
        }
        List<ImportReport.FileResult> results = new ArrayList<>();
        Set<AuthorState> counted = new HashSet<>();
        int fi = 0;
        int ei = 0;
        int ri = 0;
        for (int p = 0; p < files.size(); p++) {
            Accepted a = files.get(p);
            CorpusDocs.PaperDoc pd = a.file().paper();
            long paperId = paperIds[p];
            ImportReport.Counts added = new ImportReport.Counts();
            added.papers = 1;
            // A new author counts as added by the first file of the chunk that names them.
            added.authors = (int) a.authors().stream().filter(s -> newAuthors.contains(s) && counted.add(s)).count();
            String title = pd.title().trim();
            paper.row(paperId, pd.slug(), title, pd.publisher().trim(), Text.blankToNull(pd.series()), Text.blankToNull(pd.url()),
                    a.published().date(), a.published().precision().name(), pd.language() == null ? "en" : pd.language(), actor,
                    textArray(pd.authors().stream().map(x -> x.name().trim()).toList()), Text.blankToNull(pd.sourceText()), Text.blankToNull(pd.note()),
                    Baseline.hashOf(pd), 0);
            for (int k = 0; k < a.authors().size(); k++) {
                paperAuthor.row(paperId, k, a.authors().get(k).id);
            }
            audit.row(actor, "paper.create", "paper", pd.slug(), title);
            Map<String, Long> idOfKey = new HashMap<>();
            for (ForecastValues f : a.forecasts()) {
                CorpusDocs.ForecastDoc fd = f.doc();
                long id = forecastIds[fi++];
                idOfKey.put(fd.key(), id);
                boolean resolved = fd.resolution() != null;
                String statement = fd.statement().trim();
                forecast.row(id, paperId, statement, fd.quote().trim(), f.speaker(), f.thirdParty(), Text.blankToNull(fd.condition()),
                        f.phrase(), f.probability(), f.basis(), f.tableVersion(), f.madeOn(), f.resolveBy(), fd.resolveByBasis(),
                        Text.blankToNull(fd.resolveByNote()), Text.blankToNull(fd.resolutionCriteria()), f.status(), f.credit(),
                        f.resolvedOn(), actor, resolved ? 1 : 0, fd.key(), Baseline.hashOf(fd), resolved ? 1 : 0,
                        fd.sameQuoteAs() == null ? null : idOfKey.get(fd.sameQuoteAs()));
                audit.row(actor, "forecast.create", "forecast", Long.toString(id), pd.slug() + ": " + statement);
                if (f.scoredForAuthors()) {
                    for (AuthorState s : a.authors()) {
                        forecastAuthor.row(id, s.id);
                        if (resolved) {
                            touched.add(s.id);
                        }
                    }
                }
                for (Long theme : f.themeIds()) {
                    forecastTheme.row(id, theme);
                }
                List<Long> attached = new ArrayList<>();
                for (CorpusDocs.EvidenceDoc ed : CorpusImporter.nonNull(fd.evidence())) {
                    long eid = evidenceIds[ei++];
                    attached.add(eid);
                    String summary = ed.summary().trim();
                    evidenceRows.row(eid, id, summary, LocalDate.parse(ed.observedOn()), ed.citationUrl().trim(),
                            Text.blankToNull(ed.citationNote()), ed.stance(), actor, Text.blankToNull(ed.quote()));
                    audit.row(actor, "evidence.add", "forecast", Long.toString(id), ed.stance() + " (evidence " + eid + "): " + summary);
                    added.evidence++;
                }
                if (resolved) {
                    CorpusDocs.ResolutionDoc rd = fd.resolution();
                    long rid = resolutionIds[ri++];
                    String rationale = rd.rationale().trim();
                    Double credit = "PARTIAL".equals(rd.outcome()) ? f.credit() : null;
                    resolution.row(rid, id, 1, rd.outcome(), credit, f.resolvedOn(), rationale, reviewer);
                    for (Long eid : attached) {
                        resolutionEvidence.row(rid, eid);
                    }
                    audit.row(reviewer, "forecast.resolve", "forecast", Long.toString(id),
                            rd.outcome() + (credit != null ? " " + credit : "") + " (resolution 1): " + rationale);
                    audit.row(actor, "corpus.resolution", "forecast", Long.toString(id),
                            "imported the verdict of " + a.name() + ": " + rd.outcome());
                    added.resolutions++;
                }
                added.forecasts++;
            }
            results.add(new ImportReport.FileResult(a.name(), ImportReport.Outcome.LOADED, added, new ImportReport.Counts(), List.of()));
        }
        author.copy(copy, "author (id, slug, display_name, affiliation, corpus_hash, corpus_version)");
        alias.copy(copy, "author_alias (author_id, alias, alias_key, skeleton, letters)");
        paper.copy(copy, "paper (id, slug, title, publisher, series, url, published_on, published_precision, language, "
                + "created_by, printed_authors, source_text, note, corpus_hash, corpus_version)");
        paperAuthor.copy(copy, "paper_author (paper_id, position, author_id)");
        forecast.copy(copy, "forecast (id, paper_id, statement, quote, speaker, third_party, condition, phrase, probability, "
                + "probability_basis, phrase_table_version, made_on, resolve_by, resolve_by_basis, resolve_by_note, "
                + "resolution_criteria, status, outcome_credit, resolved_on, created_by, version, corpus_key, corpus_hash, "
                + "corpus_version, same_quote_as)");
        forecastAuthor.copy(copy, "forecast_author (forecast_id, author_id)");
        forecastTheme.copy(copy, "forecast_theme (forecast_id, theme_id)");
        evidenceRows.copy(copy, "evidence (id, forecast_id, summary, observed_on, citation_url, citation_note, stance, added_by, quote)");
        resolution.copy(copy, "resolution (id, forecast_id, seq, outcome, credit, resolved_on, rationale, reviewer)");
        resolutionEvidence.copy(copy, "resolution_evidence (resolution_id, evidence_id)");
        audit.copy(copy, "audit_entry (actor, action, entity, entity_id, detail)");
        if (!touched.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("insert into score_refresh_pending (author_id) "
                    + "select unnest(?) on conflict do nothing")) {
                s.setArray(1, c.createArrayOf("bigint", touched.toArray()));
                s.executeUpdate();
            }
        }
        return results;
    }

    /** Takes n ids from the table's identity sequence, as the per-row inserts would have. */
    private static long[] ids(Connection c, String table, int n) throws SQLException {
        long[] ids = new long[n];
        if (n == 0) {
            return ids;
        }
        try (PreparedStatement s = c.prepareStatement("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)")) {
            s.setString(1, table);
            s.setInt(2, n);
            try (ResultSet r = s.executeQuery()) {
                int i = 0;
                while (r.next()) {
                    ids[i++] = r.getLong(1);
                }
            }
        }
        return ids;
    }

    private static String textArray(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    /** Rows in COPY's text format. */
    static final class Rows {
        private final StringBuilder text = new StringBuilder();
        private int count;

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    text.append("\\N");
                } else if (v instanceof String s) {
                    escape(s);
                } else {
                    text.append(Objects.toString(v));
                }
            }
            text.append('\n');
            count++;
        }

        private void escape(String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(ch);
                }
            }
        }

        void copy(CopyManager copy, String target) throws Exception {
            if (count > 0) {
                copy.copyIn("copy " + target + " from stdin", new StringReader(text.toString()), 1 << 16);
            }
        }
    }
}
