package org.hindcast.forecasts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hindcast.common.Lexemes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forecasts of the same event in other papers ("Xi Jinping visits South Korea for the APEC summit" in two papers),
 * shown beside a forecast so that editors and reviewers see them together.
 *
 * <p>The statement's stems (weight A of its indexed document) are looked up by the search index: the six rarest in
 * the ledger (by PostgreSQL's own statistics of the column, the most common elements; unknown means rare), any of
 * them, the 500 forecasts that share the most first. The candidates are kept when their statements share at least
 * 40% of their stems (Jaccard), most alike first.
 */
@ApplicationScoped
public class SameEvent {

    public static final double MIN_SIMILARITY = 0.4;

    @Inject
    EntityManager em;

    @Inject
    ForecastService forecasts;

    /** A forecast of the same event elsewhere, with how alike the two statements are. */
    public record Match(Forecast forecast, double similarity) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Match> of(long forecastId, int most) {
        Forecast f = forecasts.get(forecastId);
        String document = (String) em.createNativeQuery("select search::text from forecast where id = ?1").setParameter(1, f.id)
                .getSingleResult();
        Set<String> mine = Lexemes.weighted(document, 'A');
        if (mine.size() < 2) {
            return List.of();
        }
        Map<String, Double> frequency = commonElements();
        // the statement's six rarest stems, any of them: the forecasts that share the most of them come first
        List<String> rarest = mine.stream().sorted(Comparator.<String>comparingDouble(s -> frequency.getOrDefault(s, 0.0))
                .thenComparing(Comparator.comparingInt(String::length).reversed()).thenComparing(Comparator.naturalOrder()))
                .limit(6).toList();
        String query = String.join(" | ", rarest.stream().map(SameEvent::quote).toList());
        List<Object[]> rows = em.createNativeQuery("select id, search::text from forecast where search @@ to_tsquery('simple', ?1) "
                        + "and paper_id <> ?2 and status <> 'WITHDRAWN' order by ts_rank(search, to_tsquery('simple', ?1)) desc, id limit 500")
                .setParameter(1, query).setParameter(2, f.paper.id).getResultList();
        Map<Long, Double> alike = new HashMap<>();
        for (Object[] r : rows) {
            Set<String> theirs = Lexemes.weighted((String) r[1], 'A');
            Set<String> union = new HashSet<>(mine);
            union.addAll(theirs);
            long shared = mine.stream().filter(theirs::contains).count();
            double similarity = union.isEmpty() ? 0 : (double) shared / union.size();
            if (similarity >= MIN_SIMILARITY) {
                alike.put(((Number) r[0]).longValue(), similarity);
            }
        }
        List<Long> ids = alike.entrySet().stream().sorted(Map.Entry.<Long, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(most).map(Map.Entry::getKey).toList();
        return forecasts.byIdsInOrder(ids).stream().map(x -> new Match(x, alike.get(x.id))).toList();
    }

    /** The most common stems of the forecasts' documents with their share of forecasts (ANALYZE's statistics). */
    @SuppressWarnings("unchecked")
    private Map<String, Double> commonElements() {
        Map<String, Double> out = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("select most_common_elems::text, most_common_elem_freqs::text from pg_stats "
                + "where tablename = 'forecast' and attname = 'search'").getResultList();
        if (rows.isEmpty() || rows.get(0)[0] == null) {
            return out;
        }
        String[] elems = ((String) rows.get(0)[0]).replaceAll("^\\{|}$", "").split(",");
        String[] freqs = ((String) rows.get(0)[1]).replaceAll("^\\{|}$", "").split(",");
        for (int i = 0; i < elems.length && i < freqs.length; i++) {
            out.put(elems[i].replace("\"", ""), Double.parseDouble(freqs[i]));
        }
        return out;
    }

    private static String quote(String lexeme) {
        return "'" + lexeme.replace("'", "''") + "'";
    }

}
