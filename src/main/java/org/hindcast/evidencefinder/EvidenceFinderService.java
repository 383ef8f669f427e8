package org.hindcast.evidencefinder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.hindcast.audit.AuditLog;
import org.hindcast.common.Lexemes;
import org.hindcast.evidence.Evidence;
import org.hindcast.evidence.EvidenceService;
import org.hindcast.evidence.Stance;
import org.hindcast.extraction.ExtractionService;
import org.hindcast.extraction.Sentences;
import org.hindcast.forecasts.Forecast;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.ingestion.PaperText;
import org.hindcast.papers.Paper;
import org.hindcast.papers.PaperService;
import org.hindcast.problems.ApiException;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evidence finder for a paper of the ledger: the sentences of its stored text that bear on forecasts made before
 * it and still pending, ranked ({@link EvidenceFinder}); an analyst accepts one as evidence citing the paper with
 * the sentence as its quote, or rejects it (remembered, never proposed again).
 *
 * <p>Both sides are reduced to stems by PostgreSQL's own {@code english} configuration, the one the search index
 * uses: the forecasts' stems are read from their indexed documents in one pass over the pending forecasts.
 */
@ApplicationScoped
public class EvidenceFinderService {

    /** How many sentences each forecast keeps, and how much of its weight a sentence must cover. */
    public static final int PER_FORECAST = 5;
    public static final double MIN_COVERAGE = 0.1;
    /** With the sentence model: how much meaning counts beside words, and the bar a sentence's score must reach. */
    public static final double MEANING_WEIGHT = 0.5;
    public static final double MIN_SCORE = 0.25;
    /** With the sentence model: how many forecasts, those the words point to most, are read for meaning. */
    public static final int MEANING_CANDIDATES = 200;

    /** How much meaning counts (0: words alone); measured in EvidenceFinderQualityTests. */
    private volatile double meaningWeight = MEANING_WEIGHT;

    /** The bar a sentence's score by words and meaning must reach; measured in EvidenceFinderQualityTests. */
    private volatile double minScore = MIN_SCORE;

    /** Sets the bar, for measuring one setting against another; returns the old. */
    double minScore(double bar) {
        double old = minScore;
        minScore = bar;
        return old;
    }

    /** Sets how much meaning counts (0: words alone), for measuring one approach against another; returns the old. */
    double meaningWeight(double weight) {
        double old = meaningWeight;
        meaningWeight = weight;
        return old;
    }

    @Inject
    SentenceModel sentenceModel;

    @Inject
    EntityManager em;

    @Inject
    PaperService papers;

    @Inject
    ExtractionService extraction;

    @Inject
    EvidenceService evidence;

    @Inject
    ForecastService forecasts;

    @Inject
    AuditLog audit;

    /** A proposal as answered: the forecast it bears on, the sentence with its place and page, and why. */
    public record ProposalView(long forecastId, String forecastStatement, LocalDate forecastMadeOn, int start, int end,
                               Integer page, String sentence, double score, Stance stance, String reason) {
    }

    /** What the finder did for a paper: its sentences, the forecasts it read, the time taken, the proposals. */
    public record Found(String paper, int sentences, int forecastsRead, long millis, int total, String ranking,
                        List<ProposalView> proposals) {
    }

    /** The proposals for a paper's pending forecasts, best first, at most {@code limit}. */
    @Transactional
    public Found propose(String slug, int limit) {
        return find(slug, limit, false, null);
    }

    /**
     * The finder's work. {@code includeResolved}: resolved forecasts are read too, as if they were pending, and the
     * evidence and rejections already recorded are not left out (the measure of docs/evidence-finder.md, which
     * asks it to find the evidence the corpus records); {@code only}: a single forecast.
     */
    @Transactional
    public Found find(String slug, int limit, boolean includeResolved, Long only) {
        Paper paper = papers.get(slug);
        String text = extraction.text(paper.id);
        if (text == null) {
            throw ApiException.notFound("text for paper", slug + "' (attach its text or PDF first)");
        }
        return run(slug, text, paper.publishedOn, paper.id, extraction.pageStarts(paper.id), limit, includeResolved, only);
    }

    /**
     * The proposals for a text that is not (yet) in the ledger, as if it were a paper published on that day: what the
     * command line's {@code find-evidence FILE --published DATE} prints.
     */
    @Transactional
    public Found findInText(String label, String text, LocalDate published, int limit) {
        if (text == null || text.isBlank()) {
            throw ApiException.badField("text", "the text is empty");
        }
        return run(label, text, published, null, List.of(), limit, false, null);
    }

    private Found run(String label, String text, LocalDate published, Long paperId, List<Integer> pages, int limit,
                      boolean includeResolved, Long only) {
        long began = System.nanoTime();
        List<Sentences.Span> spans = Sentences.split(text).stream().filter(s -> s.text().chars().anyMatch(Character::isLetter)).toList();
        List<Set<String>> stems = stems(spans.stream().map(Sentences.Span::text).toList());
        List<EvidenceFinder.Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            sentences.add(new EvidenceFinder.Sentence(spans.get(i).start(), spans.get(i).end(), spans.get(i).text(), stems.get(i)));
        }
        EvidenceFinder finder = new EvidenceFinder(sentences);
        // measuring, the ledger is read as if its evidence and decisions were not there yet
        Set<String> rejected = includeResolved || paperId == null ? Set.of() : rejected(paperId);
        Set<String> cited = includeResolved || paperId == null ? Set.of() : alreadyCited(paperId);
        // only the best `limit` are kept (a heap, worst first): a paper against a million forecasts may score
        // millions of pairs, and the service runs in a small heap; each is counted
        record Kept(EvidenceFinder.Scored scored, EvidenceFinder.Forecast forecast) {
        }
        Comparator<Kept> worstFirst = Comparator.comparingDouble((Kept k) -> k.scored().score())
                .thenComparing(Comparator.comparingLong((Kept k) -> k.scored().forecastId()).reversed())
                .thenComparing(Comparator.comparingInt((Kept k) -> k.scored().sentence()).reversed());
        java.util.PriorityQueue<Kept> best = new java.util.PriorityQueue<>(worstFirst);
        int[] read = {0};
        int[] total = {0};
        java.util.function.Consumer<Kept> keep = k -> {
            if (!rejected.isEmpty() || !cited.isEmpty()) {
                String key = k.scored().forecastId() + ":" + ExtractionService.key(finder.sentence(k.scored().sentence()).text());
                if (rejected.contains(key) || cited.contains(key)) {
                    return;
                }
            }
            total[0]++;
            if (best.size() < limit) {
                best.add(k);
            } else if (worstFirst.compare(k, best.peek()) > 0) {
                best.poll();
                best.add(k);
            }
        };
        // with the sentence model, the words choose the forecasts (those they point to most, a heap of them) and
        // words and meaning together rank each one's sentences; without it, the words rank them
        java.util.Optional<SentenceEmbedder> model = meaningWeight > 0 ? sentenceModel.embedder() : java.util.Optional.empty();
        int candidates = Math.max(limit, MEANING_CANDIDATES);
        record Candidate(EvidenceFinder.Forecast forecast, double best) {
        }
        Comparator<Candidate> weakestFirst = Comparator.comparingDouble(Candidate::best)
                .thenComparing(Comparator.comparingLong((Candidate c) -> c.forecast().id()).reversed());
        java.util.PriorityQueue<Candidate> pointed = new java.util.PriorityQueue<>(weakestFirst);
        em.unwrap(Session.class).doWork(connection -> {
            String sql = "select id, search::text, statement from forecast where made_on < ?"
                    + (paperId == null ? "" : " and paper_id <> ?")
                    + (includeResolved ? " and status <> 'WITHDRAWN'" : " and status = 'PENDING'")
                    + (only == null ? "" : " and id = ?");
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                st.setFetchSize(10_000);
                int i = 1;
                st.setObject(i++, published);
                if (paperId != null) {
                    st.setLong(i++, paperId);
                }
                if (only != null) {
                    st.setLong(i, only);
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        read[0]++;
                        String document = rs.getString(2);
                        EvidenceFinder.Forecast forecast = new EvidenceFinder.Forecast(rs.getLong(1), statementLexemes(document),
                                Lexemes.of(document), rs.getString(3));
                        if (model.isEmpty()) {
                            finder.score(forecast, PER_FORECAST, MIN_COVERAGE, scored -> keep.accept(new Kept(scored, forecast)));
                        } else if (only != null) {
                            pointed.add(new Candidate(forecast, 1));
                        } else {
                            double[] top = {-1};
                            finder.score(forecast, 1, MIN_COVERAGE, scored -> top[0] = Math.max(top[0], scored.score()));
                            Candidate c = new Candidate(forecast, top[0]);
                            if (top[0] < 0) {
                                continue;
                            }
                            if (pointed.size() < candidates) {
                                pointed.add(c);
                            } else if (weakestFirst.compare(c, pointed.peek()) > 0) {
                                pointed.poll();
                                pointed.add(c);
                            }
                        }
                    }
                }
            }
        });
        if (model.isPresent() && !pointed.isEmpty()) {
            float[][] vectors = sentenceModel.sentences(model.get(), sentences.stream().map(EvidenceFinder.Sentence::text).toList());
            for (Candidate c : pointed) {
                float[] vector = model.get().embed(c.forecast().statement());
                finder.scoreWithMeaning(c.forecast(), vector, vectors, meaningWeight, PER_FORECAST, minScore,
                        scored -> keep.accept(new Kept(scored, c.forecast())));
            }
        }
        String ranking = model.isPresent() ? "words and meaning" : meaningWeight > 0 && sentenceModel.unavailable().isPresent()
                ? "words alone (the sentence model cannot run here: " + sentenceModel.unavailable().get() + ")" : "words alone";
        List<EvidenceFinder.Proposal> all = best.stream().sorted(worstFirst.reversed())
                .map(k -> finder.describe(k.forecast(), k.scored())).toList();
        List<EvidenceFinder.Proposal> shown = all;
        Map<Long, Forecast> byId = new HashMap<>();
        for (Forecast f : forecasts.byIdsInOrder(shown.stream().map(EvidenceFinder.Proposal::forecastId).distinct().toList())) {
            byId.put(f.id, f);
        }
        List<ProposalView> views = shown.stream().map(p -> new ProposalView(p.forecastId(), byId.get(p.forecastId()).statement,
                byId.get(p.forecastId()).madeOn, p.start(), p.end(), PaperText.pageOf(pages, p.start()), p.sentence(), p.score(),
                p.stance(), p.reason())).toList();
        return new Found(label, sentences.size(), read[0], (System.nanoTime() - began) / 1_000_000, total[0], ranking, views);
    }

    /** Accepts a proposal: evidence for the forecast citing the paper, the sentence its quote (offsets kept). */
    @Transactional
    public Evidence accept(String actor, String slug, long forecastId, int start, int end, Stance stance, String summary) {
        Paper paper = papers.get(slug);
        String text = extraction.text(paper.id);
        if (text == null) {
            throw ApiException.notFound("text for paper", slug);
        }
        Sentences.Span span = Sentences.split(text).stream().filter(s -> s.start() == start && s.end() == end).findFirst()
                .orElseThrow(() -> ApiException.badField("start", "no sentence of '" + slug + "' stands at " + start + "-" + end));
        Stance chosen = stance != null ? stance : find(slug, PER_FORECAST, true, forecastId).proposals().stream()
                .filter(p -> p.start() == start).map(ProposalView::stance).findFirst().orElse(Stance.CONTEXT);
        Integer page = PaperText.pageOf(extraction.pageStarts(paper.id), start);
        Evidence e = evidence.add(actor, forecastId, new EvidenceService.NewEvidence(
                summary == null || summary.isBlank() ? span.text() : summary.trim(), paper.publishedOn, null, slug,
                "proposed by the evidence finder" + (page == null ? "" : ", page " + page), chosen, span.text()));
        e.quoteStart = start;
        e.quoteEnd = end;
        return e;
    }

    /** Rejects a proposal: never proposed again for this paper and forecast. */
    @Transactional
    public void reject(String actor, String slug, long forecastId, int start, int end) {
        Paper paper = papers.get(slug);
        forecasts.get(forecastId);
        String text = extraction.text(paper.id);
        if (text == null || Sentences.split(text).stream().noneMatch(s -> s.start() == start && s.end() == end)) {
            throw ApiException.badField("start", "no sentence of '" + slug + "' stands at " + start + "-" + end);
        }
        em.createNativeQuery("""
                        insert into evidence_proposal_rejection (paper_id, forecast_id, sentence_key, rejected_by)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, paper.id).setParameter(2, forecastId).setParameter(3, ExtractionService.key(text.substring(start, end)))
                .setParameter(4, actor).executeUpdate();
        audit.record(actor, "evidence.proposal.reject", "forecast", forecastId, "sentence " + start + "-" + end + " of " + slug);
    }

    @SuppressWarnings("unchecked")
    private Set<String> rejected(long paperId) {
        Set<String> keys = new HashSet<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "select forecast_id, sentence_key from evidence_proposal_rejection where paper_id = ?1").setParameter(1, paperId).getResultList()) {
            keys.add(((Number) r[0]).longValue() + ":" + r[1]);
        }
        return keys;
    }

    /** Sentences of this paper already quoted as evidence, per forecast. */
    @SuppressWarnings("unchecked")
    private Set<String> alreadyCited(long paperId) {
        Set<String> keys = new HashSet<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "select forecast_id, quote from evidence where cited_paper_id = ?1 and quote is not null").setParameter(1, paperId).getResultList()) {
            keys.add(((Number) r[0]).longValue() + ":" + ExtractionService.key((String) r[1]));
        }
        return keys;
    }

    /** Each text's stems by PostgreSQL's english configuration, in one statement. */
    private List<Set<String>> stems(List<String> texts) {
        List<Set<String>> out = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            Array array = connection.createArrayOf("text", texts.toArray());
            try (PreparedStatement st = connection.prepareStatement(
                    "select to_tsvector('english', t)::text from unnest(?) with ordinality as u(t, i) order by i")) {
                st.setArray(1, array);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(Lexemes.of(rs.getString(1)));
                    }
                }
            }
        });
        return out;
    }

    /**
     * The lexemes of a forecast's statement (weight A in its indexed document: V13__search_and_queues.sql), the
     * claim in the editor's plain words; all of them when the statement has none.
     */
    static Set<String> statementLexemes(String tsvector) {
        Set<String> statement = Lexemes.weighted(tsvector, 'A');
        return statement.isEmpty() ? Lexemes.of(tsvector) : statement;
    }
}
