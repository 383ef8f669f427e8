package org.hindcast.evidencefinder;

import org.hindcast.evidence.Stance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which sentences of a later paper bear on which earlier forecasts: plain Java over plain values (the words of each
 * side already reduced to their stems, as PostgreSQL's {@code english} configuration reduces them).
 *
 * <p>A sentence bears on a forecast by the forecast's words it shares, each weighed by how rare it is in the paper
 * (inverse sentence frequency: "apec" in 2 of 80 sentences weighs more than "china" in 60 of them). The score is
 * the share of the forecast's weight the sentence covers; a word of the forecast absent from the paper weighs as
 * much as the rarest, so that a forecast whose distinctive words the paper never prints scores low everywhere. A
 * proposal needs two shared words and a {@code minCoverage}; each forecast keeps its {@code perForecast} best.
 * Every forecast is read once, and only the sentences sharing a word with it are touched (an index of the
 * paper's words), so that a ledger of a million forecasts is read in one pass.
 */
public final class EvidenceFinder {

    /** A sentence of the paper: where it stands in the stored text, and its stems. */
    public record Sentence(int start, int end, String text, Set<String> terms) {
    }

    /**
     * A forecast that may be settled: its id, the stems of its statement, those only its quote or condition has
     * (weighed at {@link #QUOTE_WEIGHT}: the quote's other words are its own paper's context), and its statement.
     */
    public record Forecast(long id, Set<String> terms, Set<String> quoteTerms, String statement) {
        public Forecast(long id, Set<String> terms, String statement) {
            this(id, terms, Set.of(), statement);
        }
    }

    /** How much a word of the quote (not of the statement) counts beside one of the statement. */
    public static final double QUOTE_WEIGHT = 0.4;

    /** A sentence proposed as evidence for a forecast, with its score, a guessed stance and why. */
    public record Proposal(long forecastId, int start, int end, String sentence, double score, List<String> shared,
                           Stance stance, String reason) {
    }

    private final List<Sentence> sentences;
    /** Per sentence, the offices it calls "former" ("the former Yoon Suk-yeol administration"), as stems; empty for most. */
    private final List<List<Premise>> formerOffices = new ArrayList<>();
    private final Map<String, int[]> postings = new HashMap<>();
    private final Map<String, Double> weight = new HashMap<>();
    private final double absentWeight;
    private final double averageLength;
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    /** An office a sentence calls former: its holder's first name and the office, as stems ("yoon", "administr"). */
    record Premise(String holder, String office, String printed) {
    }

    /**
     * A score that puts a sentence first for a forecast whose premise it overturns: a forecast about "the Yoon
     * administration" and a later paper's "the former Yoon Suk-yeol administration" (issue 19: eight forecasts of the
     * corpus were annulled for it). Words and meaning miss it, since one word, "former", carries it.
     */
    static final double PREMISE_SCORE = 0.95;

    private static final Pattern FORMER = Pattern.compile(
            "\\bformer ((?-i:[A-Z])[\\w-]+)(?: (?-i:[A-Z])[\\w-]+){0,2} (administration|government|president|cabinet)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    /** The stems PostgreSQL's english configuration gives these offices. */
    private static final Map<String, String> OFFICE_STEMS = Map.of("administration", "administr", "government", "govern",
            "president", "presid", "cabinet", "cabinet");

    public EvidenceFinder(List<Sentence> sentences) {
        this.sentences = List.copyOf(sentences);
        for (Sentence sentence : this.sentences) {
            List<Premise> found = new ArrayList<>();
            var m = FORMER.matcher(sentence.text());
            while (m.find()) {
                found.add(new Premise(m.group(1).toLowerCase(Locale.ROOT), OFFICE_STEMS.get(m.group(2).toLowerCase(Locale.ROOT)),
                        m.group().substring("former ".length())));
            }
            formerOffices.add(found.isEmpty() ? List.of() : List.copyOf(found));
        }
        Map<String, List<Integer>> where = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            for (String t : sentences.get(i).terms()) {
                where.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
            }
        }
        int n = sentences.size();
        where.forEach((t, list) -> {
            postings.put(t, list.stream().mapToInt(Integer::intValue).toArray());
            weight.put(t, Math.log((n + 1.0) / (list.size() + 0.5)));
        });
        this.absentWeight = Math.log((n + 1.0) / 0.5);
        this.averageLength = Math.max(1, sentences.stream().mapToInt(x -> x.terms().size()).average().orElse(1));
    }

    /**
     * A sentence's score for a forecast, before it is described (no strings made: a million forecasts pass here):
     * {@code score} the share of the forecast's weight it covers, by which proposals are ordered; {@code rank} the
     * same with BM25's length normalisation, by which each forecast's best sentences are chosen.
     */
    public record Scored(long forecastId, int sentence, double score, double rank, double coverage, double meaning) {
        /** Scored by words alone. */
        public Scored(long forecastId, int sentence, double score, double rank) {
            this(forecastId, sentence, score, rank, score, Double.NaN);
        }
    }

    /**
     * The best sentences for one forecast by words and meaning together: every sentence of the paper is scored
     * {@code (1 - meaningWeight) * coverage + meaningWeight * cosine}, where coverage is the share of the forecast's
     * weight the sentence covers (as in {@link #score}) and cosine that of the two sentence embeddings (of length
     * one, {@code sentenceVectors} in the paper's order), so that a sentence that says the same in other words
     * ("relations seem to be on the mend" for "relations improve") is found too. Those reaching {@code minScore}
     * are kept, the {@code perForecast} best, best first.
     */
    public void scoreWithMeaning(Forecast f, float[] vector, float[][] sentenceVectors, double meaningWeight, int perForecast,
                                 double minScore, java.util.function.Consumer<Scored> out) {
        if (sentences.isEmpty()) {
            return;
        }
        if (sentenceVectors.length != sentences.size()) {
            throw new IllegalArgumentException(sentenceVectors.length + " vectors for " + sentences.size() + " sentences");
        }
        double[] covered = new double[sentences.size()];
        double total = words(f, (in, w, ofStatement) -> {
            for (int s : in) {
                covered[s] += w;
            }
        });
        List<Scored> kept = new ArrayList<>();
        for (int i = 0; i < covered.length; i++) {
            double coverage = total == 0 ? 0 : covered[i] / total;
            double cosine = 0;
            float[] v = sentenceVectors[i];
            for (int d = 0; d < v.length; d++) {
                cosine += v[d] * vector[d];
            }
            double score = (1 - meaningWeight) * coverage + meaningWeight * Math.max(0, cosine);
            if (!formerOffices.get(i).isEmpty() && overturned(f, i) != null) {
                score = Math.max(score, PREMISE_SCORE);
            }
            if (score >= minScore) {
                kept.add(new Scored(f.id(), i, score, score, coverage, cosine));
            }
        }
        kept.sort(Comparator.comparingDouble((Scored k) -> -k.score()).thenComparingInt(Scored::sentence));
        kept.subList(0, Math.min(perForecast, kept.size())).forEach(out);
    }

    /** A word of the forecast the paper prints: the sentences it stands in, its weight, and whether the statement has it. */
    @FunctionalInterface
    private interface Word {
        void at(int[] sentences, double weight, boolean ofStatement);
    }

    /**
     * Visits each word of the forecast that the paper prints, with its weight (the statement's fully, the quote's own
     * at {@link #QUOTE_WEIGHT}); returns the forecast's whole weight, in which a word the paper never prints weighs as
     * much as the rarest.
     */
    private double words(Forecast f, Word visit) {
        double total = 0;
        for (int side = 0; side < 2; side++) {
            double factor = side == 0 ? 1 : QUOTE_WEIGHT;
            for (String t : side == 0 ? f.terms() : f.quoteTerms()) {
                if (side == 1 && f.terms().contains(t)) {
                    continue;
                }
                int[] in = postings.get(t);
                if (in == null) {
                    total += factor * absentWeight;
                    continue;
                }
                double w = factor * weight.get(t);
                total += w;
                visit.at(in, w, side == 0);
            }
        }
        return total;
    }

    /** The office of the forecast's own words (statement, quote or condition) that this sentence calls former, or null. */
    Premise overturned(Forecast f, int sentence) {
        for (Premise p : formerOffices.get(sentence)) {
            boolean holder = f.terms().contains(p.holder()) || f.quoteTerms().contains(p.holder());
            boolean office = f.terms().contains(p.office()) || f.quoteTerms().contains(p.office());
            if (holder && office) {
                return p;
            }
        }
        return null;
    }

    /** The best sentences for one forecast, best first (none when nothing reaches the bar). */
    public List<Proposal> propose(Forecast f, int perForecast, double minCoverage) {
        List<Proposal> out = new ArrayList<>();
        score(f, perForecast, minCoverage, s -> out.add(describe(f, s)));
        return out;
    }

    /** The best sentences for one forecast (chosen by rank), best first by score, as scores only. */
    public void score(Forecast f, int perForecast, double minCoverage, java.util.function.Consumer<Scored> out) {
        if (f.terms().isEmpty() || sentences.isEmpty()) {
            return;
        }
        Map<Integer, double[]> scores = new HashMap<>();
        double total = words(f, (in, w, ofStatement) -> {
            for (int s : in) {
                double[] acc = scores.computeIfAbsent(s, k -> new double[2]);
                acc[0] += w;
                acc[1] += ofStatement ? 1 : 0;
            }
        });
        if (scores.isEmpty()) {
            return;
        }
        List<Scored> kept = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : scores.entrySet()) {
            double coverage = e.getValue()[0] / total;
            if (overturned(f, e.getKey()) != null) {
                kept.add(new Scored(f.id(), e.getKey(), PREMISE_SCORE, PREMISE_SCORE * (K1 + 1)));
            } else if (e.getValue()[1] >= 2 && coverage >= minCoverage) {
                // BM25's length normalisation (k1 1.2, b 0.75): a long sentence shares more words by its length alone
                double norm = 1 - B + B * sentences.get(e.getKey()).terms().size() / averageLength;
                kept.add(new Scored(f.id(), e.getKey(), coverage, coverage * (K1 + 1) / (1 + K1 * norm)));
            }
        }
        kept.sort(Comparator.comparingDouble((Scored k) -> -k.rank()).thenComparingInt(Scored::sentence));
        kept.subList(0, Math.min(perForecast, kept.size())).stream()
                .sorted(Comparator.comparingDouble((Scored k) -> -k.score()).thenComparingInt(Scored::sentence)).forEach(out);
    }

    /** A scored sentence made a proposal: the words shared, the guessed stance and the reason. */
    public Proposal describe(Forecast f, Scored k) {
        Sentence s = sentences.get(k.sentence());
        List<String> shared = f.terms().stream().filter(s.terms()::contains)
                .sorted(Comparator.<String>comparingDouble(t -> -weight.get(t)).thenComparing(Comparator.naturalOrder())).toList();
        Premise premise = overturned(f, k.sentence());
        if (premise != null) {
            return new Proposal(f.id(), s.start(), s.end(), s.text(), k.score(), shared, Stance.CONTEXT,
                    "it speaks of the former " + premise.printed() + ", which the forecast names: a premise of the forecast "
                            + "may have failed (annulled, if so)");
        }
        Stance stance = stance(f.statement(), s.text());
        return new Proposal(f.id(), s.start(), s.end(), s.text(), k.score(), shared, stance,
                reason(shared, f.terms().size(), k.coverage(), k.meaning(), stance));
    }

    public Sentence sentence(int index) {
        return sentences.get(index);
    }

    private static String reason(List<String> shared, int of, double coverage, double meaning, Stance stance) {
        String words = shared.isEmpty() ? String.format(Locale.ROOT, "shares none of the forecast's %d words", of)
                : String.format(Locale.ROOT, "shares %d of the forecast's %d words (%s), %.0f%% of their weight in this paper",
                shared.size(), of, String.join(", ", shared.subList(0, Math.min(6, shared.size()))), 100 * coverage);
        String alike = Double.isNaN(meaning) ? "" : String.format(Locale.ROOT, "; its meaning is %.0f%% alike", 100 * Math.max(0, meaning));
        return String.format(Locale.ROOT, "%s%s; %s", words, alike,
                switch (stance) {
                    case SUPPORTS -> "it reports the event as having happened";
                    case REFUTES -> "it reports the opposite or a failure";
                    case CONTEXT -> "it says something about it without settling it";
                });
    }

    private static final Pattern NEGATION = Pattern.compile("(?i)\\b(not|no|never|neither|nor|failed|fail|fails|without|"
            + "instead|rather than|far from|halt(ed)?|suspend(ed)?|cancel(l?ed)?|refused?|rejected|stalled|collapsed|"
            + "low|unlikely|did not|didn't|has not|have not|was not|were not)\\b");
    private static final Pattern HEDGE = Pattern.compile("(?i)\\b(will|would|may|might|could|likely|expected|should|"
            + "possib\\w*|prospects?|intends?|plans?|seeks?)\\b");
    private static final Pattern HAPPENED = Pattern.compile("(?i)\\b(was|were|has been|have been|had been|held|made|"
            + "signed|visited|attended|met|launched|took place|announced|honou?red|reaffirmed|fired|hosted|agreed|"
            + "concluded|opened|resumed|restored|returned|increased|decreased|rose|fell|imposed|adopted)\\b|\\b\\w+ed\\b");

    /**
     * A guess of the stance, from the words alone: a sentence that negates what the forecast does not (or the
     * other way round) refutes; one that reports a past event supports; one that hedges or forecasts itself is
     * context. An analyst reads it before accepting.
     */
    static Stance stance(String forecast, String sentence) {
        boolean forecastNegated = NEGATION.matcher(forecast).find();
        boolean sentenceNegated = NEGATION.matcher(sentence).find();
        if (forecastNegated != sentenceNegated) {
            return Stance.REFUTES;
        }
        if (HAPPENED.matcher(sentence).find() && !HEDGE.matcher(sentence).find()) {
            return Stance.SUPPORTS;
        }
        return Stance.CONTEXT;
    }
}
