package org.hindcast.forecasts;

import org.hindcast.common.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.enterprise.event.Event;
import org.hindcast.audit.AuditLog;
import org.hindcast.common.ScoresChanged;
import org.hindcast.authors.Author;
import org.hindcast.authors.AuthorService;
import org.hindcast.common.PageOf;
import org.hindcast.papers.Paper;
import org.hindcast.papers.PaperService;
import org.hindcast.phrases.PhraseTable;
import org.hindcast.phrases.PhraseTables;
import org.hindcast.problems.ApiException;
import org.hindcast.problems.Problem;
import org.hindcast.themes.Theme;
import org.hindcast.themes.ThemeService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class ForecastService {

    @Inject
    PaperService papers;

    @Inject
    AuthorService authors;

    @Inject
    ThemeService themes;

    @Inject
    PhraseTables phraseTables;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Event<ScoresChanged> scoresChanged;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.SUPPORTS)
    public Forecast get(long id) {
        Forecast f = Forecast.findById(id);
        if (f == null) {
            throw ApiException.notFound("forecast", id);
        }
        return f;
    }

    public Forecast create(String actor, ForecastInput.NewForecast in) {
        Paper paper = Paper.findBySlug(in.paper())
                .orElseThrow(() -> ApiException.badField("paper", "no paper '" + in.paper() + "'"));
        List<Problem.FieldError> errors = new ArrayList<>();
        Forecast f = new Forecast();
        f.paper = paper;
        f.statement = in.statement().trim();
        f.quote = in.quote().trim();
        f.speaker = in.speaker() == null ? Speaker.AUTHORS : in.speaker();
        f.thirdParty = Text.blankToNull(in.thirdParty());
        f.condition = Text.blankToNull(in.condition());
        f.phrase = Text.blankToNull(in.phrase());
        f.madeOn = in.madeOn() == null ? ForecastRules.defaultMadeOn(paper.published(), LocalDate.now(clock)) : in.madeOn();
        f.resolveBy = in.resolveBy();
        f.resolveByBasis = in.resolveByBasis();
        f.resolveByNote = Text.blankToNull(in.resolveByNote());
        f.resolutionCriteria = Text.blankToNull(in.resolutionCriteria());
        f.createdBy = actor;
        f.themes = resolveThemes(in.themes(), errors);
        int authorsGiven = in.authors() == null ? 0 : in.authors().size();
        if (f.speaker == Speaker.THIRD_PARTY) {
            f.authors = new LinkedHashSet<>();
        } else {
            f.authors = in.authors() == null ? new LinkedHashSet<>(paper.authors) : resolveAuthors(in.authors(), errors);
        }
        ForecastRules.Checked checked = ForecastRules.check(draft(f, in.probability(), in.probabilityBasis(),
                in.phraseTableVersion(), authorsGiven), this::table, LocalDate.now(clock));
        errors.addAll(checked.errors());
        ApiException.refuseIfAny(errors);
        price(f, checked.price());
        f.sameQuoteAs = sameQuote(paper, f, in.sameQuoteAs());
        f.persist();
        em.flush();
        audit.record(actor, "forecast.create", "forecast", f.id, paper.slug + ": " + f.statement);
        return f;
    }

    /**
     * Applies a correction by one person; every changed field leaves a correction record with its old value.
     * After the verdict, a change of what the forecast said is refused here: it goes through a proposal.
     */
    public Forecast correct(String actor, long id, ForecastInput.Correction in) {
        Forecast f = get(id);
        refuseIfWithdrawn(f);
        if (f.status != ForecastStatus.PENDING) {
            List<String> settled = ForecastRules.settledChanges(f, in);
            if (!settled.isEmpty()) {
                throw new ApiException(409, "Conflict", "Forecast " + id + " has its verdict: a change of its "
                        + String.join(", ", settled) + " needs a second staff member. Propose it (POST /api/forecasts/" + id
                        + "/corrections answers 202 with the proposal) and another editor or reviewer approves it.",
                        settled.stream().map(field -> new Problem.FieldError(field, "settled by the verdict; needs a second "
                                + "person's approval")).toList());
            }
        }
        return apply(actor, f, in, null);
    }

    /** The version the writer read must still be the forecast's: otherwise a 409 saying to read it again. */
    public static void requireVersion(Forecast f, long version) {
        if (f.version != version) {
            throw ApiException.conflict("The forecast was changed since version " + version + " (it is now at version "
                    + f.version + "); read it again.");
        }
    }

    /** A withdrawn forecast is kept as it was withdrawn: it is neither corrected nor resolved again. */
    public static void refuseIfWithdrawn(Forecast f) {
        if (f.status == ForecastStatus.WITHDRAWN) {
            throw ApiException.conflict("Forecast " + f.id + " was withdrawn; it is kept as it was and scored for nobody.");
        }
    }

    /**
     * Withdraws a forecast (a duplicate, a mistake): never a deletion. The forecast stays, with its history, marked
     * WITHDRAWN and scored for nobody. Before a verdict one editor may; after it, only with a second staff member
     * ({@code approvedBy}, through {@link CorrectionProposals}).
     */
    public Forecast withdraw(String actor, long id, long version, String reason, String approvedBy) {
        Forecast f = get(id);
        refuseIfWithdrawn(f);
        requireVersion(f, version);
        ApiException.refuseIfAny(ForecastRules.reason(reason, "say why the forecast is withdrawn"));
        if (f.status != ForecastStatus.PENDING && approvedBy == null) {
            throw new ApiException(409, "Conflict", "Forecast " + id + " has its verdict: withdrawing it needs a second staff "
                    + "member. Propose it (POST /api/forecasts/" + id + "/withdrawal answers 202 with the proposal).");
        }
        ForecastWithdrawal w = new ForecastWithdrawal();
        w.forecast = f;
        w.reason = reason.trim();
        w.statusBefore = f.status;
        Double scoredBefore = f.status.scored() ? f.outcomeCredit : null;
        w.withdrawnBy = actor;
        w.approvedBy = approvedBy;
        w.persist();
        f.status = ForecastStatus.WITHDRAWN;
        f.outcomeCredit = null;
        em.flush();
        scoresChanged.fire(ScoresChanged.outcome(f.authors.stream().map(a -> a.id).collect(Collectors.toSet()), f.id, scoredBefore, null));
        audit.record(approvedBy == null ? actor : approvedBy, "forecast.withdraw", "forecast", f.id, w.reason
                + " (was " + w.statusBefore + (approvedBy == null ? "" : "; proposed by " + actor) + ")");
        return f;
    }

    /** A correction approved by a second staff member: applied as its proposer's, naming the approver. */
    Forecast correctApproved(String proposer, long id, ForecastInput.Correction in, String approver) {
        return apply(proposer, get(id), in, approver);
    }

    private Forecast apply(String actor, Forecast f, ForecastInput.Correction in, String approvedBy) {
        long id = f.id;
        Set<Long> authorsBefore = f.authors.stream().map(a -> a.id).collect(Collectors.toSet());
        requireVersion(f, in.version());
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, String[]> changes = new java.util.LinkedHashMap<>();
        change(changes, "statement", f.statement, in.statement(), v -> f.statement = v.trim());
        change(changes, "quote", f.quote, in.quote(), v -> f.quote = v.trim());
        if (in.speaker() != null && in.speaker() != f.speaker) {
            changes.put("speaker", new String[]{f.speaker.name(), in.speaker().name()});
            f.speaker = in.speaker();
            if (f.speaker == Speaker.AUTHORS) {
                f.thirdParty = null;
            }
        }
        change(changes, "thirdParty", f.thirdParty, in.thirdParty(), v -> f.thirdParty = Text.blankToNull(v));
        change(changes, "condition", f.condition, in.condition(), v -> f.condition = Text.blankToNull(v));
        change(changes, "resolutionCriteria", f.resolutionCriteria, in.resolutionCriteria(), v -> f.resolutionCriteria = Text.blankToNull(v));
        change(changes, "resolveByNote", f.resolveByNote, in.resolveByNote(), v -> f.resolveByNote = Text.blankToNull(v));
        if (in.madeOn() != null && !in.madeOn().equals(f.madeOn)) {
            changes.put("madeOn", new String[]{f.madeOn.toString(), in.madeOn().toString()});
            f.madeOn = in.madeOn();
        }
        if (in.resolveBy() != null && !in.resolveBy().equals(f.resolveBy)) {
            changes.put("resolveBy", new String[]{f.resolveBy.toString(), in.resolveBy().toString()});
            f.resolveBy = in.resolveBy();
        }
        if (in.resolveByBasis() != null && in.resolveByBasis() != f.resolveByBasis) {
            changes.put("resolveByBasis", new String[]{f.resolveByBasis.name(), in.resolveByBasis().name()});
            f.resolveByBasis = in.resolveByBasis();
        }
        boolean probabilityTouched = in.probability() != null || in.probabilityBasis() != null
                || in.phrase() != null || in.phraseTableVersion() != null;
        String oldPhrase = f.phrase;
        double oldP = f.probability;
        ProbabilityBasis oldBasis = f.probabilityBasis;
        String oldVersion = f.phraseTableVersion;
        Double probability = f.probability;
        ProbabilityBasis basis = f.probabilityBasis;
        String version = f.phraseTableVersion;
        if (probabilityTouched) {
            if (in.phrase() != null) {
                f.phrase = Text.blankToNull(in.phrase());
            }
            probability = in.probability();
            basis = in.probabilityBasis() != null ? in.probabilityBasis()
                    : in.probability() != null ? null : f.probabilityBasis;
            version = in.phraseTableVersion() != null ? in.phraseTableVersion()
                    : basis == ProbabilityBasis.PHRASE_TABLE && in.phrase() == null ? f.phraseTableVersion : null;
        }
        if (in.themes() != null) {
            Set<Theme> next = resolveThemes(in.themes(), errors);
            if (!next.equals(f.themes)) {
                changes.put("themes", new String[]{slugs(f.themes.stream().map(t -> t.slug)), slugs(next.stream().map(t -> t.slug))});
                f.themes.clear();
                f.themes.addAll(next);
            }
        }
        if (in.authors() != null) {
            Set<Author> next = resolveAuthors(in.authors(), errors);
            if (!next.equals(f.authors)) {
                changes.put("authors", new String[]{slugs(f.authors.stream().map(a -> a.slug)), slugs(next.stream().map(a -> a.slug))});
                f.authors.clear();
                f.authors.addAll(next);
            }
        }
        int authorsGiven = in.authors() == null ? 0 : in.authors().size();
        if (f.speaker == Speaker.THIRD_PARTY && !f.authors.isEmpty() && authorsGiven == 0) {
            // a forecast that becomes a third party's scores for nobody
            changes.put("authors", new String[]{slugs(f.authors.stream().map(a -> a.slug)), ""});
            f.authors.clear();
        }
        ForecastRules.Checked checked = ForecastRules.check(draft(f, probability, basis, version, authorsGiven),
                this::table, LocalDate.now(clock));
        errors.addAll(checked.errors());
        ApiException.refuseIfAny(errors);
        if (probabilityTouched) {
            price(f, checked.price());
            if (!Objects.equals(oldPhrase, f.phrase)) {
                changes.put("phrase", new String[]{oldPhrase, f.phrase});
            }
            if (oldP != f.probability) {
                changes.put("probability", new String[]{Double.toString(oldP), Double.toString(f.probability)});
            }
            if (oldBasis != f.probabilityBasis) {
                changes.put("probabilityBasis", new String[]{oldBasis.name(), String.valueOf(f.probabilityBasis)});
            }
            if (!Objects.equals(oldVersion, f.phraseTableVersion)) {
                changes.put("phraseTableVersion", new String[]{oldVersion, f.phraseTableVersion});
            }
        }
        if (changes.isEmpty()) {
            throw ApiException.badField("reason", "the correction changes nothing");
        }
        for (Map.Entry<String, String[]> c : changes.entrySet()) {
            ForecastCorrection row = new ForecastCorrection();
            row.forecast = f;
            row.field = c.getKey();
            row.oldValue = c.getValue()[0];
            row.newValue = c.getValue()[1];
            row.reason = in.reason().trim();
            row.correctedBy = actor;
            row.approvedBy = approvedBy;
            row.persist();
        }
        em.flush();
        Set<Long> touched = new java.util.HashSet<>(authorsBefore);
        f.authors.forEach(a -> touched.add(a.id));
        scoresChanged.fire(ScoresChanged.of(touched));
        audit.record(approvedBy == null ? actor : approvedBy, approvedBy == null ? "forecast.correct" : "forecast.correct.approved",
                "forecast", f.id, String.join(", ", changes.keySet()) + ": " + in.reason().trim()
                        + (approvedBy == null ? "" : " (proposed by " + actor + ")"));
        return f;
    }

    /** The sorts of a forecast list; {@code relevance} only with words to rank by (it falls back to -madeOn). */
    public static final List<String> SORTS = List.of("relevance", "-madeOn", "madeOn", "resolveBy", "-resolveBy", "id");

    /**
     * A page of the forecasts a filter keeps, with their total. One SQL statement (with its count): full-text
     * words are three index look-ups (forecast_search_idx, paper_search_idx, author_alias_search_idx,
     * V13__search_and_queues.sql), each filter an indexed condition; the page's forecasts are then loaded by id.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public PageOf<Forecast> list(ForecastInput.Filter filter, String sort, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        String text = filter.text() == null ? null : filter.text().replace("\u0000", "").trim();
        boolean words = text != null && !text.isEmpty();
        if (filter.author() != null) {
            Author author = authors.findBySlug(filter.author())
                    .orElseThrow(() -> ApiException.badField("author", "no author '" + filter.author() + "'"));
            where.append(" and exists (select 1 from forecast_author fa where fa.forecast_id = f.id and fa.author_id = :author)");
            params.put("author", author.id);
        }
        if (filter.theme() != null) {
            Theme theme = Theme.findBySlug(filter.theme())
                    .orElseThrow(() -> ApiException.badField("theme", "no theme '" + filter.theme() + "'"));
            where.append(" and exists (select 1 from forecast_theme ft where ft.forecast_id = f.id and ft.theme_id in (:themes))");
            params.put("themes", themes.subtreeIds(theme.id));
        }
        if (filter.paper() != null) {
            Paper paper = Paper.findBySlug(filter.paper())
                    .orElseThrow(() -> ApiException.badField("paper", "no paper '" + filter.paper() + "'"));
            where.append(" and f.paper_id = :paper");
            params.put("paper", paper.id);
        }
        if (filter.status() != null) {
            where.append(" and f.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.resolved() != null) {
            where.append(filter.resolved() ? " and f.status <> 'PENDING'" : " and f.status = 'PENDING'");
        }
        range(where, params, "f.made_on", "madeFrom", filter.madeFrom(), "madeTo", filter.madeTo());
        range(where, params, "f.resolve_by", "resolveByFrom", filter.resolveByFrom(), "resolveByTo", filter.resolveByTo());
        LocalDate today = LocalDate.now(clock);
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and f.status = 'PENDING' and f.resolve_by < :today"
                    : " and not (f.status = 'PENDING' and f.resolve_by < :today)");
            params.put("today", today);
        }
        if (filter.dueWithinDays() != null) {
            if (filter.dueWithinDays() < 0 || filter.dueWithinDays() > 3660) {
                throw ApiException.badField("dueWithinDays", "must be between 0 and 3660 days");
            }
            where.append(" and f.status = 'PENDING' and f.resolve_by <= :dueBy");
            params.put("dueBy", today.plusDays(filter.dueWithinDays()));
        }
        if (filter.notJudgeableBy() != null) {
            // VerdictRules.mayResolve: whoever logged or corrected a forecast may not resolve it
            where.append(" and f.created_by <> :judge and not exists (select 1 from forecast_correction c "
                    + "where c.forecast_id = f.id and c.corrected_by = :judge)");
            params.put("judge", filter.notJudgeableBy());
        }
        if (Boolean.TRUE.equals(filter.withoutEvidence())) {
            where.append(" and not exists (select 1 from evidence e where e.forecast_id = f.id)");
        }
        String from = " from forecast f";
        if (words) {
            if (text.length() > 200) {
                throw ApiException.badField("q", "at most 200 characters");
            }
            // The papers whose title and the authors whose name have the words are looked up first (few); then
            // one bitmap scan of the forecasts: their own text's index, OR'ed with those papers' and authors'
            // forecasts. (A union of the three, joined back to the forecasts, cost 1.4 s for a word in 10% of a
            // million forecasts; this costs a fifth of that: docs/performance.md.)
            List<Number> paperIds = em.createNativeQuery("select id from paper where search @@ websearch_to_tsquery('english', :text)")
                    .setParameter("text", text).getResultList();
            List<Number> byAuthors = em.createNativeQuery("select distinct fa.forecast_id from author_alias al "
                            + "join forecast_author fa on fa.author_id = al.author_id where al.search @@ websearch_to_tsquery('simple', :text)")
                    .setParameter("text", text).getResultList();
            where.append(" and (f.search @@ websearch_to_tsquery('english', :text) or f.paper_id = any(cast(:textPapers as bigint[]))"
                    + " or f.id = any(cast(:textAuthors as bigint[])))");
            params.put("text", text);
            params.put("textPapers", pgArray(paperIds));
            params.put("textAuthors", pgArray(byAuthors));
        }
        String chosen = sort == null || sort.isBlank() ? (words ? "relevance" : "-madeOn") : sort;
        String order = switch (chosen) {
            case "relevance" -> words ? " order by ts_rank(f.search, websearch_to_tsquery('english', :text)) desc, f.made_on desc, f.id desc"
                    : " order by f.made_on desc, f.id desc";
            case "madeOn" -> " order by f.made_on, f.id";
            case "resolveBy" -> " order by f.resolve_by, f.id";
            case "-resolveBy" -> " order by f.resolve_by desc, f.id desc";
            case "id" -> " order by f.id";
            case "-madeOn" -> " order by f.made_on desc, f.id desc";
            default -> throw ApiException.badField("sort", "one of " + String.join(", ", SORTS));
        };
        var count = em.createNativeQuery("select count(*)" + from + where);
        var query = em.createNativeQuery("select f.id" + from + where + order + " limit :limit offset :offset");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            query.setParameter(k, v);
        });
        query.setParameter("limit", size).setParameter("offset", (long) page * size);
        List<Number> ids = query.getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        return new PageOf<>(byIds(ids), page, size, total);
    }

    private static String pgArray(List<Number> ids) {
        return ids.stream().map(n -> Long.toString(n.longValue())).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** The forecasts of these ids, with their papers, in the ids' order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Forecast> byIdsInOrder(List<Long> ids) {
        return byIds(new ArrayList<Number>(ids));
    }

    /** The forecasts of these ids, with their papers, in the ids' order. */
    private List<Forecast> byIds(List<Number> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Forecast> byId = new HashMap<>();
        em.createQuery("select f from Forecast f join fetch f.paper where f.id in :ids", Forecast.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList()).getResultList()
                .forEach(f -> byId.put(f.id, f));
        return ids.stream().map(id -> byId.get(id.longValue())).toList();
    }

    /**
     * An author's resolved forecasts (newest first) or pending ones (soonest due first), a page of them with the
     * total. The author's forecast ids are taken first (MATERIALIZED), and ordered by index-only probes of the
     * scoring index (V6__scoring_reads.sql): for an author of 8,000 forecasts among a million, 45 ms, where the
     * planner's own choice, walking every forecast by date, took 400 ms.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public PageOf<Forecast> ofAuthor(long authorId, boolean resolved, int page, int size) {
        long total = ((Number) em.createNativeQuery(authorCountSql(resolved))
                .setParameter(1, authorId).getSingleResult()).longValue();
        List<Number> ids = em.createNativeQuery(authorPageSql(resolved))
                .setParameter(1, authorId).setParameter(2, size).setParameter(3, (long) page * size).getResultList();
        return new PageOf<>(byIds(ids), page, size, total);
    }

    /** How many of an author's forecasts are resolved (or pending); ?1 the author's id. The benchmark runs this string too. */
    public static String authorCountSql(boolean resolved) {
        return "select count(*) from (" + AUTHOR_MINE + "select f.id" + authorWhere(resolved) + ") ids";
    }

    /** A page of the ids of an author's resolved (newest first) or pending (soonest due first) forecasts; ?1 author, ?2 limit, ?3 offset. */
    public static String authorPageSql(boolean resolved) {
        return AUTHOR_MINE + "select f.id" + authorWhere(resolved)
                + (resolved ? " order by f.made_on desc, f.id desc" : " order by f.resolve_by, f.id") + " limit ?2 offset ?3";
    }

    private static final String AUTHOR_MINE = "with mine as materialized (select forecast_id from forecast_author where author_id = ?1) ";

    private static String authorWhere(boolean resolved) {
        return " from mine join forecast f on f.id = mine.forecast_id where f.status " + (resolved ? "<>" : "=") + " 'PENDING'";
    }

    private static void range(StringBuilder where, Map<String, Object> params, String column,
                              String fromName, LocalDate from, String toName, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badField(toName, "is before " + fromName);
        }
        if (from != null) {
            where.append(" and ").append(column).append(" >= :").append(fromName);
            params.put(fromName, from);
        }
        if (to != null) {
            where.append(" and ").append(column).append(" <= :").append(toName);
            params.put(toName, to);
        }
    }

    /** A forecast as it would be stored, for {@link ForecastRules#check}. */
    private static ForecastRules.Draft draft(Forecast f, Double probability, ProbabilityBasis basis, String tableVersion,
                                             int authorsGiven) {
        return new ForecastRules.Draft(f.quote, f.speaker, f.thirdParty, authorsGiven, f.phrase, probability, basis, tableVersion,
                f.madeOn, f.resolveBy, f.resolveByBasis, f.resolveByNote, f.paper == null ? null : f.paper.published());
    }

    private java.util.Optional<PhraseTable> table(String version) {
        return version == null ? java.util.Optional.of(phraseTables.current()) : phraseTables.version(version);
    }

    private static void price(Forecast f, ForecastRules.Price price) {
        f.probability = price.probability();
        f.probabilityBasis = price.basis();
        f.phraseTableVersion = price.tableVersion();
    }

    /**
     * A quote of a paper is logged once. A sentence that holds a second forecast says so, naming the forecast logged
     * first from it; the same quote logged again without that, or with the same statement, is a duplicate.
     */
    private Forecast sameQuote(Paper paper, Forecast f, Long sameQuoteAs) {
        String quote = ForecastRules.fold(f.quote);
        List<Forecast> same = Forecast.<Forecast>list("paper = ?1 order by id", paper).stream()
                .filter(o -> ForecastRules.fold(o.quote).equals(quote)).toList();
        if (same.isEmpty()) {
            if (sameQuoteAs != null) {
                throw ApiException.badField("sameQuoteAs", "no forecast of this paper has this quote");
            }
            return null;
        }
        Forecast first = same.get(0);
        for (Forecast o : same) {
            if (ForecastRules.fold(o.statement).equals(ForecastRules.fold(f.statement))) {
                throw duplicate(o, "this quote and statement are already logged as forecast " + o.id + " (/forecasts/" + o.id + ")");
            }
        }
        if (sameQuoteAs == null) {
            throw duplicate(first, "this quote of the paper is already logged as forecast " + first.id + " (/forecasts/"
                    + first.id + "); if the sentence holds a further forecast, say so with sameQuoteAs " + first.id);
        }
        return same.stream().filter(o -> o.id.equals(sameQuoteAs)).findFirst().orElseThrow(() ->
                ApiException.badField("sameQuoteAs", "forecast " + sameQuoteAs + " does not have this quote; forecast "
                        + first.id + " does"));
    }

    private static ApiException duplicate(Forecast existing, String message) {
        return new ApiException(409, "Conflict", message, List.of(new Problem.FieldError("quote", message)));
    }

    private Set<Theme> resolveThemes(List<String> slugs, List<Problem.FieldError> errors) {
        Set<Theme> result = new LinkedHashSet<>();
        for (int i = 0; i < slugs.size(); i++) {
            var theme = Theme.findBySlug(slugs.get(i));
            if (theme.isEmpty()) {
                errors.add(new Problem.FieldError("themes[" + i + "]", "no theme '" + slugs.get(i) + "'"));
            } else {
                result.add(theme.get());
            }
        }
        return result;
    }

    private Set<Author> resolveAuthors(List<String> slugs, List<Problem.FieldError> errors) {
        Set<Author> result = new LinkedHashSet<>();
        for (int i = 0; i < slugs.size(); i++) {
            var author = authors.findBySlug(slugs.get(i));
            if (author.isEmpty()) {
                errors.add(new Problem.FieldError("authors[" + i + "]", "no author '" + slugs.get(i) + "'"));
            } else {
                result.add(author.get());
            }
        }
        return result;
    }

    private static void change(Map<String, String[]> changes, String field, String old, String value,
                               java.util.function.Consumer<String> apply) {
        if (value != null && !Objects.equals(Text.blankToNull(value), old == null ? null : old)
                && !(old != null && old.equals(value.trim()))) {
            changes.put(field, new String[]{old, Text.blankToNull(value) == null ? null : value.trim()});
            apply.accept(value);
        }
    }

    private static String slugs(java.util.stream.Stream<String> s) {
        return s.sorted().collect(Collectors.joining(", "));
    }

}
