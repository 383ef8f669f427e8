package org.hindcast.extraction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hindcast.audit.AuditLog;
import org.hindcast.forecasts.Forecast;
import org.hindcast.forecasts.ForecastInput;
import org.hindcast.forecasts.ForecastRules;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.papers.Paper;
import org.hindcast.papers.PaperService;
import org.hindcast.phrases.PhraseTables;
import org.hindcast.problems.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a paper's text, proposes its candidate forecasts, and remembers what editors accepted or rejected. */
@ApplicationScoped
@Transactional
public class ExtractionService {

    public static final int MAX_TEXT = 2_000_000;

    @Inject
    jakarta.enterprise.event.Event<PaperTextAttached> attached;

    @Inject
    EntityManager em;

    @Inject
    PaperService papers;

    @Inject
    ForecastService forecasts;

    @Inject
    PhraseTables phraseTables;

    @Inject
    AuditLog audit;

    @Inject
    CandidateCache cache;

    private volatile ExtractionRules rules;

    public Extractor extractor() {
        if (rules == null) {
            rules = ExtractionRules.load(ExtractionRules.DEFAULT_VERSION);
        }
        return new Extractor(phraseTables.current(), rules);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String phraseTableVersion() {
        return phraseTables.current().version();
    }

    public void attachText(String actor, String slug, String text) {
        attachText(actor, slug, text, null, "PASTED", null);
    }

    /**
     * Stores a paper's text. {@code pageStarts}: where each printed page begins in it (from a PDF), else null;
     * {@code source}: PASTED, PDF or WEB; {@code sourceUrl}: the page it was fetched from.
     */
    public void attachText(String actor, String slug, String text, List<Integer> pageStarts, String source, String sourceUrl) {
        Paper paper = papers.get(slug);
        if (text == null || text.isBlank()) {
            throw ApiException.badField("text", "the paper's text is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new ApiException(413, "Payload Too Large", "A paper's text may hold at most " + MAX_TEXT + " characters.");
        }
        String existing = text(paper.id);
        if (existing != null && !existing.equals(text)) {
            long anchored = Forecast.count("paper = ?1 and quoteStart is not null", paper);
            if (anchored > 0) {
                throw ApiException.conflict("This paper's text already anchors " + anchored
                        + " accepted forecasts; replacing it would break their quote offsets.");
            }
        }
        em.createNativeQuery("""
                insert into paper_text (paper_id, body, sha256, uploaded_by, source, source_url, page_starts)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as integer[]))
                on conflict (paper_id) do update set body = excluded.body, sha256 = excluded.sha256,
                    uploaded_by = excluded.uploaded_by, uploaded_at = now(), source = excluded.source,
                    source_url = excluded.source_url, page_starts = excluded.page_starts""")
                .setParameter(1, paper.id).setParameter(2, text).setParameter(3, sha256(text)).setParameter(4, actor)
                .setParameter(5, source).setParameter(6, sourceUrl)
                .setParameter(7, pageStarts == null ? null : pageStarts.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .executeUpdate();
        audit.record(actor, "paper.text", "paper", slug, text.length() + " characters" + (pageStarts == null ? "" : " on "
                + pageStarts.size() + " pages") + " from " + source.toLowerCase(java.util.Locale.ROOT)
                + (sourceUrl == null ? "" : " " + sourceUrl) + ", sha256 " + sha256(text));
        attached.fire(new PaperTextAttached(paper.id, slug, sha256(text)));
    }

    /** Where each printed page begins in the paper's stored text (page 1 first), or an empty list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Integer> pageStarts(long paperId) {
        List<?> rows = em.createNativeQuery("select array_to_string(page_starts, ',') from paper_text where paper_id = ?1")
                .setParameter(1, paperId).getResultList();
        if (rows.isEmpty() || rows.get(0) == null || ((String) rows.get(0)).isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(((String) rows.get(0)).split(",")).map(Integer::valueOf).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String text(long paperId) {
        List<?> rows = em.createNativeQuery("select body from paper_text where paper_id = ?1").setParameter(1, paperId).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** The candidates not yet accepted or rejected. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Candidate> candidates(String slug) {
        return candidates(papers.get(slug));
    }

    private String storedText(Paper paper) {
        String text = text(paper.id);
        if (text == null) {
            throw ApiException.notFound("text for paper", paper.slug);
        }
        return text;
    }

    /** Every candidate of the paper's current text, decided or not: computed once per text version. */
    private List<Candidate> proposed(Paper paper) {
        List<?> sha = em.createNativeQuery("select sha256 from paper_text where paper_id = ?1").setParameter(1, paper.id)
                .getResultList();
        if (sha.isEmpty()) {
            throw ApiException.notFound("text for paper", paper.slug);
        }
        Extractor extractor = extractor();
        CandidateCache.Key key = new CandidateCache.Key(paper.id, (String) sha.get(0), paper.title, paper.publishedOn,
                extractor.rules().version(), extractor.phraseTableVersion());
        return cache.get(key, () -> extractor.extract(storedText(paper), paper.publishedOn, paper.title));
    }

    @SuppressWarnings("unchecked")
    private List<Candidate> candidates(Paper paper) {
        Set<String> decided = ((List<String>) em.createNativeQuery("select sentence_key from extraction_decision where paper_id = ?1")
                .setParameter(1, paper.id).getResultList()).stream().collect(Collectors.toSet());
        // Suggest only themes the ledger has: the rules may name themes this ledger does not use.
        Set<String> themes = ((List<String>) em.createNativeQuery("select slug from theme").getResultList())
                .stream().collect(Collectors.toSet());
        // What the paper already has logged, by quote: a candidate whose sentence and a logged quote overlap is marked.
        List<Object[]> logged = em.createNativeQuery("select id, quote from forecast where paper_id = ?1 order by id")
                .setParameter(1, paper.id).getResultList();
        List<Integer> pages = pageStarts(paper.id);
        return proposed(paper).stream()
                .filter(c -> !decided.contains(key(c.sentence())))
                .map(c -> c.withThemesAndLogged(c.themes().stream().filter(themes::contains).toList(), loggedFrom(c, logged),
                        org.hindcast.ingestion.PaperText.pageOf(pages, c.start())))
                .toList();
    }

    private static List<Long> loggedFrom(Candidate c, List<Object[]> logged) {
        if (logged.isEmpty()) {
            return List.of();
        }
        String sentence = ForecastRules.fold(c.sentence());
        List<Long> ids = new java.util.ArrayList<>();
        for (Object[] row : logged) {
            String quote = row[1] == null ? "" : ForecastRules.fold((String) row[1]);
            if (!quote.isEmpty() && (sentence.contains(quote) || quote.contains(sentence))) {
                ids.add(((Number) row[0]).longValue());
            }
        }
        return ids;
    }

    /** Accepts a candidate (the editor's edits applied): a forecast whose quote points back into the text. */
    public Forecast accept(String actor, String slug, int start, int end, ForecastInput.NewForecast edits) {
        Paper paper = papers.get(slug);
        String text = storedText(paper);
        Candidate candidate = find(paper, start, end);
        String quote = text.substring(start, end);
        boolean ownStatement = edits.statement() != null && !edits.statement().isBlank();
        if (candidate.negated() && (!ownStatement || edits.statement().trim().equals(candidate.sentence().trim()))) {
            // The phrase's probability is that of the event the negation denies: the statement must name that event.
            throw ApiException.badField("statement", "the sentence says '" + candidate.phrase() + "' ("
                    + Math.round(candidate.probability() * 100) + "%), which is the probability of the event it denies: "
                    + "write the statement in its positive form (\"China abandons North Korea\" for \"China is unlikely "
                    + "to abandon North Korea\")");
        }
        Forecast f = forecasts.create(actor, new ForecastInput.NewForecast(slug,
                edits.statement() == null || edits.statement().isBlank() ? candidate.sentence() : edits.statement(),
                quote, edits.speaker(), edits.thirdParty(), edits.condition(),
                edits.phrase() == null ? candidate.phrase() : edits.phrase(),
                edits.probability() == null && (candidate.printed() || candidate.editorial()) ? Double.valueOf(candidate.probability())
                        : edits.probability(),
                edits.probabilityBasis() == null && candidate.printed() ? org.hindcast.forecasts.ProbabilityBasis.PRINTED
                        : edits.probabilityBasis() == null && candidate.editorial() ? org.hindcast.forecasts.ProbabilityBasis.EDITOR
                        : edits.probabilityBasis(),
                edits.phraseTableVersion(), edits.madeOn(), edits.resolveBy() == null ? candidate.resolveBy() : edits.resolveBy(),
                edits.resolveByBasis() == null ? org.hindcast.forecasts.ResolveByBasis.valueOf(candidate.resolveByBasis()) : edits.resolveByBasis(),
                edits.resolveByNote() == null && edits.resolveBy() == null ? candidate.resolveByNote() : edits.resolveByNote(),
                edits.resolutionCriteria(), edits.themes() == null || edits.themes().isEmpty() ? candidate.themes() : edits.themes(),
                edits.authors(), edits.sameQuoteAs()));
        f.quoteStart = start;
        f.quoteEnd = end;
        decide(actor, paper, candidate, "ACCEPTED", f.id);
        return f;
    }

    public void reject(String actor, String slug, int start, int end) {
        Paper paper = papers.get(slug);
        decide(actor, paper, find(paper, start, end), "REJECTED", null);
    }

    private void decide(String actor, Paper paper, Candidate c, String decision, Long forecastId) {
        int rows = em.createNativeQuery("""
                insert into extraction_decision (paper_id, sentence_key, decision, forecast_id, decided_by)
                values (?1, ?2, ?3, ?4, ?5) on conflict (paper_id, sentence_key) do nothing""")
                .setParameter(1, paper.id).setParameter(2, key(c.sentence())).setParameter(3, decision)
                .setParameter(4, forecastId).setParameter(5, actor).executeUpdate();
        if (rows == 0) {
            throw ApiException.conflict("That candidate was already accepted or rejected.");
        }
        audit.record(actor, "candidate." + decision.toLowerCase(), "paper", paper.slug,
                c.start() + "-" + c.end() + (forecastId == null ? "" : " -> forecast " + forecastId) + ": " + c.sentence());
    }

    /** The current candidate at exactly these offsets: a stale or made-up span is refused. */
    private Candidate find(Paper paper, int start, int end) {
        return candidates(paper).stream().filter(c -> c.start() == start && c.end() == end).findFirst()
                .orElseThrow(() -> new ApiException(404, "Not Found", "No open candidate at " + start + "-" + end
                        + " in '" + paper.slug + "' (it may have been decided already, or the text changed)."));
    }


    public static String key(String sentence) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(sentence.replaceAll("\\s+", " ").trim().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        return key(text);
    }
}
