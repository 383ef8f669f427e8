package org.hindcast.trackrecords;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hindcast.authors.Author;
import org.hindcast.authors.AuthorService;
import org.hindcast.platform.SnapshotCache;
import org.hindcast.papers.Paper;
import org.hindcast.papers.PaperService;
import org.hindcast.phrases.PhraseTables;
import org.hindcast.scoring.Rules;
import org.hindcast.scoring.Scorer;
import org.hindcast.themes.Theme;
import org.hindcast.themes.ThemeService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Track records are computed live from the set's forecasts on every request: one index range scan and
 * the scorer, so a resolution or correction is in the figures the moment it commits.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TrackRecordService {

    @Inject
    ScoredRows rows;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    AuthorService authors;

    @Inject
    ThemeService themes;

    @Inject
    PaperService papers;

    @Inject
    PhraseTables phraseTables;

    @Inject
    ScoringSettings settings;

    Clock clock = Clock.systemUTC();

    @Inject
    SnapshotCache cache;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /**
     * The author's record as the API's JSON, remembered for the ledger's snapshot: a prolific author's record is
     * a hundred kilobytes, and writing it out cost more than finding it in the cache.
     */
    public byte[] ofAuthorJson(String slug) {
        return authorJson(slug).read().value();
    }

    /** The author's record as JSON bytes, as an answer that can be revalidated by its tag (see SnapshotCache). */
    public SnapshotCache.Answer<byte[]> authorJson(String slug) {
        return cache.answer("author-record-json", slug, () -> {
            try {
                return json.writeValueAsBytes(ofAuthor(authors.get(slug)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** An author's record, remembered for the ledger's snapshot (see SnapshotCache): fresh after every write. */
    public TrackRecord ofAuthor(String slug) {
        return cache.read("author-record", slug, () -> ofAuthor(authors.get(slug)));
    }

    public TrackRecord ofAuthor(Author author) {
        List<ScoredRows.Row> set = rows.ofAuthor(author.id);
        Scorer scorer = settings.scorer();
        LocalDate today = LocalDate.now(clock);

        var tree = rows.themeTree();
        Map<Long, Set<Long>> themesOf = rows.themesOf(set.stream().map(ScoredRows.Row::id).toList());
        Map<Long, List<ScoredRows.Row>> byTheme = new LinkedHashMap<>();
        for (ScoredRows.Row r : set) {
            for (Long t : ScoredRows.withAncestors(themesOf.getOrDefault(r.id(), Set.of()), tree)) {
                byTheme.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
            }
        }
        List<TrackRecord.Breakdown> themeBreakdown = byTheme.entrySet().stream()
                .map(e -> new TrackRecord.Breakdown(tree.get(e.getKey()).slug(), tree.get(e.getKey()).name(),
                        figures(scorer, e.getValue(), null, today)))
                .sorted(Comparator.comparingInt((TrackRecord.Breakdown b) -> -b.figures().scored())
                        .thenComparing(TrackRecord.Breakdown::name))
                .toList();

        Map<Horizon, List<ScoredRows.Row>> byHorizon = new EnumMap<>(Horizon.class);
        for (Horizon h : Horizon.values()) {
            byHorizon.put(h, new ArrayList<>());
        }
        set.forEach(r -> byHorizon.get(Horizon.of(r.madeOn(), r.resolveBy())).add(r));
        List<TrackRecord.Breakdown> horizonBreakdown = byHorizon.entrySet().stream()
                .map(e -> new TrackRecord.Breakdown(e.getKey().name(), e.getKey().label,
                        figures(scorer, e.getValue(), null, today)))
                .toList();

        return new TrackRecord(new TrackRecord.Scope("author", author.slug, author.displayName), Rules.VERSION,
                phraseTables.current().version(), versionsUsed(set), TrackRecord.BRIER_SCALE,
                figures(scorer, set, rows.attributedToOthersInPapersOf(author.id), today),
                themeBreakdown, horizonBreakdown, null);
    }

    /** A scored forecast of a set at its resolution: when, and its Brier. */
    public record Resolved(LocalDate resolvedOn, double brier) {
    }

    /** Every scored forecast of an author in resolution order (date, then id): the Brier-over-time chart's data. */
    @SuppressWarnings("unchecked")
    public List<Resolved> resolvedOfAuthor(String slug) {
        List<Object[]> found = em.createNativeQuery("select f.resolved_on, f.probability, f.outcome_credit "
                        + "from author a join forecast_author fa on fa.author_id = a.id join forecast f on f.id = fa.forecast_id "
                        + "where a.slug = ?1 and f.status in ('TRUE', 'FALSE', 'PARTIAL') order by f.resolved_on, f.id")
                .setParameter(1, slug).getResultList();
        return found.stream().map(r -> new Resolved(r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0],
                Rules.brier(((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue()))).toList();
    }

    public TrackRecord ofTheme(String slug) {
        return theme(slug).read().value();
    }

    /** A theme's record, as an answer that can be revalidated by its tag. */
    public SnapshotCache.Answer<TrackRecord> theme(String slug) {
        return cache.answer("theme-record", slug, () -> computeTheme(slug));
    }

    private TrackRecord computeTheme(String slug) {
        Theme theme = themes.get(slug);
        List<Long> subtree = themes.subtreeIds(theme.id);
        List<ScoredRows.Row> set = rows.ofThemes(subtree);
        Scorer scorer = settings.scorer();
        LocalDate today = LocalDate.now(clock);

        Map<Long, List<ScoredRows.AuthorRef>> authorsOf = rows.authorsOf(set.stream().map(ScoredRows.Row::id).toList());
        Map<ScoredRows.AuthorRef, List<ScoredRows.Row>> byAuthor = new LinkedHashMap<>();
        for (ScoredRows.Row r : set) {
            for (ScoredRows.AuthorRef a : authorsOf.getOrDefault(r.id(), List.of())) {
                byAuthor.computeIfAbsent(a, k -> new ArrayList<>()).add(r);
            }
        }
        List<TrackRecord.Breakdown> authorBreakdown = byAuthor.entrySet().stream()
                .map(e -> new TrackRecord.Breakdown(e.getKey().slug(), e.getKey().name(),
                        figures(scorer, e.getValue(), null, today)))
                .sorted(Comparator.comparingDouble((TrackRecord.Breakdown b) -> b.figures().shrunkBrier())
                        .thenComparing(TrackRecord.Breakdown::name))
                .toList();
        return new TrackRecord(new TrackRecord.Scope("theme", theme.slug, theme.name), Rules.VERSION,
                phraseTables.current().version(), versionsUsed(set), TrackRecord.BRIER_SCALE,
                figures(scorer, set, rows.attributedToOthersInThemes(subtree), today),
                null, null, authorBreakdown);
    }

    public TrackRecord ofPaper(String slug) {
        return paper(slug).read().value();
    }

    /** A paper's record, as an answer that can be revalidated by its tag. */
    public SnapshotCache.Answer<TrackRecord> paper(String slug) {
        return cache.answer("paper-record", slug, () -> computePaper(slug));
    }

    private TrackRecord computePaper(String slug) {
        Paper paper = papers.get(slug);
        List<ScoredRows.Row> set = rows.ofPaper(paper.id);
        return new TrackRecord(new TrackRecord.Scope("paper", paper.slug, paper.title), Rules.VERSION,
                phraseTables.current().version(), versionsUsed(set), TrackRecord.BRIER_SCALE,
                figures(settings.scorer(), set, rows.attributedToOthersInPaper(paper.id), LocalDate.now(clock)),
                null, null, null);
    }

    static Figures figures(Scorer scorer, List<ScoredRows.Row> set, Long attributedToOthers, LocalDate today) {
        int pending = 0;
        int overdue = 0;
        int annulled = 0;
        int ambiguous = 0;
        for (ScoredRows.Row r : set) {
            switch (r.status()) {
                case "PENDING" -> {
                    pending++;
                    if (r.resolveBy().isBefore(today)) {
                        overdue++;
                    }
                }
                case "ANNULLED" -> annulled++;
                case "AMBIGUOUS" -> ambiguous++;
                default -> {
                }
            }
        }
        var scored = set.stream().filter(ScoredRows.Row::scored).map(ScoredRows.Row::toScored).toList();
        return Figures.of(scorer.score(scored), pending, overdue, annulled, ambiguous, attributedToOthers);
    }

    private static List<String> versionsUsed(List<ScoredRows.Row> set) {
        return set.stream().map(ScoredRows.Row::phraseTableVersion).filter(Objects::nonNull).distinct().sorted().toList();
    }
}
