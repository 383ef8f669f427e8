package org.hindcast.exports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hindcast.authors.AuthorService;
import org.hindcast.papers.PaperService;
import org.hindcast.problems.ApiException;
import org.hindcast.scoring.Rules;
import org.hindcast.themes.ThemeService;
import org.hindcast.trackrecords.LeaderboardService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger as tables for people who analyse elsewhere: forecasts, resolutions, evidence and scores,
 * filtered by author, theme (with its sub-themes), paper and date. Plain SQL: an export is a query.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ExportService {

    /** The most rows one export answers; a larger one is refused with a hint to filter. */
    public static final int MAX_ROWS = 200_000;

    @Inject
    EntityManager em;

    @Inject
    AuthorService authors;

    @Inject
    ThemeService themes;

    @Inject
    PaperService papers;

    @Inject
    LeaderboardService leaderboards;

    public record Filter(String author, String theme, String paper, LocalDate from, LocalDate to) {
    }

    /** A table: its column names and rows of plain values. */
    public record Table(List<String> columns, List<Object[]> rows) {
        public List<Map<String, Object>> records() {
            List<Map<String, Object>> out = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    m.put(columns.get(i), r[i] instanceof java.sql.Date d ? d.toLocalDate().toString() : r[i]);
                }
                out.add(m);
            }
            return out;
        }
    }

    private static final String FORECAST_SCOPE = """
            from forecast f join paper p on p.id = f.paper_id
            where (cast(:author as bigint) is null or exists (select 1 from forecast_author fa where fa.forecast_id = f.id and fa.author_id = :author))
              and (cast(:themes as bigint[]) is null or exists (select 1 from forecast_theme ft where ft.forecast_id = f.id and ft.theme_id = any(cast(:themes as bigint[]))))
              and (cast(:paper as bigint) is null or f.paper_id = :paper)
            """;

    public Table forecasts(Filter f) {
        return query(List.of("id", "paper", "published", "statement", "quote", "speaker", "third_party", "condition", "phrase",
                        "probability", "probability_basis", "phrase_table_version", "made_on", "resolve_by", "resolve_by_basis",
                        "status", "outcome_credit", "resolved_on", "brier", "authors", "themes"),
                "select f.id, p.slug, p.published_on, f.statement, f.quote, f.speaker, f.third_party, f.condition, f.phrase, "
                        + "f.probability, f.probability_basis, f.phrase_table_version, f.made_on, f.resolve_by, f.resolve_by_basis, "
                        + "f.status, f.outcome_credit, f.resolved_on, "
                        + "case when f.status in ('TRUE','FALSE','PARTIAL') then (f.probability - f.outcome_credit) ^ 2 end, "
                        + "(select string_agg(a.slug, ';' order by a.slug) from forecast_author fa join author a on a.id = fa.author_id where fa.forecast_id = f.id), "
                        + "(select string_agg(t.slug, ';' order by t.slug) from forecast_theme ft join theme t on t.id = ft.theme_id where ft.forecast_id = f.id) "
                        + FORECAST_SCOPE + " and (cast(:from as date) is null or f.made_on >= :from) and (cast(:to as date) is null or f.made_on <= :to) order by f.id",
                f);
    }

    public Table resolutions(Filter f) {
        return query(List.of("forecast_id", "seq", "outcome", "credit", "resolved_on", "rationale", "reason", "reviewer", "paper",
                        "statement", "probability", "latest"),
                "select r.forecast_id, r.seq, r.outcome, r.credit, r.resolved_on, r.rationale, r.reason, coalesce((select u.display_name from app_user u where u.username = r.reviewer), r.reviewer), p.slug, "
                        + "f.statement, f.probability, r.seq = (select max(r2.seq) from resolution r2 where r2.forecast_id = r.forecast_id) "
                        + "from resolution r join (select f.id, f.statement, f.probability, p.slug as pslug " + FORECAST_SCOPE + ") f on f.id = r.forecast_id "
                        + "join forecast ff on ff.id = r.forecast_id join paper p on p.id = ff.paper_id "
                        + "where (cast(:from as date) is null or r.resolved_on >= :from) and (cast(:to as date) is null or r.resolved_on <= :to) "
                        + "order by r.forecast_id, r.seq", f);
    }

    public Table evidence(Filter f) {
        return query(List.of("id", "forecast_id", "observed_on", "stance", "summary", "citation_url", "cited_paper", "citation_note",
                        "added_by", "paper"),
                "select e.id, e.forecast_id, e.observed_on, e.stance, e.summary, e.citation_url, cp.slug, e.citation_note, coalesce((select u.display_name from app_user u where u.username = e.added_by), e.added_by), p.slug "
                        + "from evidence e join (select f.id " + FORECAST_SCOPE + ") f on f.id = e.forecast_id "
                        + "join forecast ff on ff.id = e.forecast_id join paper p on p.id = ff.paper_id "
                        + "left join paper cp on cp.id = e.cited_paper_id "
                        + "where (cast(:from as date) is null or e.observed_on >= :from) and (cast(:to as date) is null or e.observed_on <= :to) "
                        + "order by e.forecast_id, e.id", f);
    }

    /** Every author's scores (overall, or within a theme), as the leaderboard ranks them. */
    public Table scores(Filter f) {
        if (f.paper() != null || f.from() != null || f.to() != null) {
            throw ApiException.badField(f.paper() != null ? "paper" : f.from() != null ? "from" : "to",
                    "scores are filtered by author and theme only");
        }
        var board = leaderboards.leaderboard(f.theme(), 1, 0, Integer.MAX_VALUE / 2);
        List<Object[]> rows = new ArrayList<>();
        for (var e : board.entries()) {
            if (f.author() == null || f.author().equals(e.slug())) {
                rows.add(new Object[]{e.rank(), e.slug(), e.displayName(), f.theme(), e.scored(), e.brier(), e.shrunkBrier(),
                        e.brierInterval().low(), e.brierInterval().high(), e.brierStdError(), Rules.VERSION});
            }
        }
        return new Table(List.of("rank", "author", "name", "theme", "scored", "brier", "shrunk_brier", "interval_low",
                "interval_high", "std_error", "scoring_version"), rows);
    }

    @SuppressWarnings("unchecked")
    private Table query(List<String> columns, String sql, Filter f) {
        var q = em.createNativeQuery(sql)
                .setParameter("author", f.author() == null ? null : authors.get(f.author()).id)
                .setParameter("themes", f.theme() == null ? null : themes.subtreeIds(themes.get(f.theme()).id).toArray(Long[]::new))
                .setParameter("paper", f.paper() == null ? null : papers.get(f.paper()).id)
                .setParameter("from", f.from())
                .setParameter("to", f.to())
                .setMaxResults(MAX_ROWS + 1);
        List<Object[]> rows = q.getResultList();
        if (rows.size() > MAX_ROWS) {
            throw new ApiException(413, "Too Many Rows", "An export holds at most " + MAX_ROWS
                    + " rows; filter by author, theme, paper or dates.");
        }
        return new Table(columns, rows);
    }
}
