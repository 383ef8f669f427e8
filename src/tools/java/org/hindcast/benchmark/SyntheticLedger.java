package org.hindcast.benchmark;

import org.hindcast.corpus.CorpusDocs;
import org.hindcast.phrases.PhraseTable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A synthetic ledger for the benchmark, as corpus documents: never the real corpus, and never loaded
 * unless a benchmark asks for it. Everything follows from the seed, so two runs give the same files.
 *
 * <p>Shape, chosen to look like a region's policy literature:
 * <ul>
 *   <li>authors are picked for papers with weight {@code 1/(rank + 40)^1.1}: a few prolific authors
 *       with thousands of forecasts, most with a handful of papers, and every author on at least one;</li>
 *   <li>a paper has one author (55%), two (30%) or three (15%); forecasts per paper vary around the
 *       mean so that the total is exact;</li>
 *   <li>each paper has a home region of the theme tree; its forecasts take one or two of its sub-themes;</li>
 *   <li>a share of forecasts (70% by default) is resolved, mostly TRUE/FALSE drawn from the forecast's
 *       probability bent by the author's skill, some PARTIAL, ANNULLED or AMBIGUOUS; 30% carry evidence;
 *       3% are attributed to a third party.</li>
 * </ul>
 */
public final class SyntheticLedger {

    public record Size(int authors, int papers, int forecasts, double resolvedShare) {
        public Size {
            if (authors < 1 || papers < 1 || forecasts < papers || resolvedShare < 0 || resolvedShare > 1) {
                throw new IllegalArgumentException("need authors >= 1, papers >= 1, forecasts >= papers and 0 <= resolved <= 1");
            }
        }

        public static final Size ISSUE = new Size(10_000, 100_000, 1_000_000, 0.7);
    }

    static final String[][] REGIONS = {
            {"syn-us-china", "US-China"}, {"syn-korean-peninsula", "Korean peninsula"}, {"syn-japan", "Japan"},
            {"syn-taiwan-strait", "Taiwan Strait"}, {"syn-russia", "Russia"}, {"syn-south-china-sea", "South China Sea"},
            {"syn-china-economy", "Chinese economy"}, {"syn-technology", "Technology controls"}};
    static final String[][] ASPECTS = {
            {"security", "security"}, {"diplomacy", "diplomacy"}, {"trade", "trade"},
            {"domestic-politics", "domestic politics"}, {"alliances", "alliances"}};
    private static final String[] ACTORS = {"Beijing", "Seoul", "Pyongyang", "Tokyo", "Washington", "Moscow", "Taipei",
            "The trilateral secretariat", "The central bank", "The defence ministry"};
    private static final String[] EVENTS = {"hold a summit", "sign a trade agreement", "raise tariffs", "hold joint exercises",
            "resume talks", "impose export controls", "announce new sanctions", "open a hotline", "cut interest rates",
            "conduct a missile test", "expand the swap line", "send a state visit"};
    private static final String[] PUBLISHERS = {"Synthetic Institute for Policy Studies", "Institute of Imagined Affairs",
            "Centre for Generated Strategy", "Sample Foundation"};
    static final LocalDate FIRST_PUBLISHED = LocalDate.of(2016, 1, 1);
    static final LocalDate LAST_PUBLISHED = LocalDate.of(2026, 9, 30);

    private final Size size;
    private final long seed;
    private final LocalDate today;
    private final List<PhraseTable.Entry> phrases;
    private final double[] cumulativeWeight;
    private final double[] skill;

    public SyntheticLedger(Size size, long seed, LocalDate today, PhraseTable table) {
        if (!today.isAfter(LAST_PUBLISHED)) {
            throw new IllegalArgumentException("the synthetic papers run to " + LAST_PUBLISHED + "; today must be later");
        }
        this.size = size;
        this.seed = seed;
        this.today = today;
        this.phrases = table.entries();
        this.cumulativeWeight = new double[size.authors()];
        this.skill = new double[size.authors()];
        SplittableRandom r = new SplittableRandom(seed);
        double sum = 0;
        for (int i = 0; i < size.authors(); i++) {
            sum += Math.pow(i + 40, -1.1);
            cumulativeWeight[i] = sum;
            skill[i] = r.nextDouble(-0.5, 0.9); // < 0: worse than their words; 1 would be perfectly sharp
        }
    }

    public Size size() {
        return size;
    }

    public CorpusDocs.ThemesFile themes() {
        List<CorpusDocs.ThemeDoc> docs = new ArrayList<>();
        for (String[] region : REGIONS) {
            docs.add(new CorpusDocs.ThemeDoc(region[0], region[1] + " (synthetic)", null));
            for (String[] aspect : ASPECTS) {
                docs.add(new CorpusDocs.ThemeDoc(region[0] + "-" + aspect[0], region[1] + " " + aspect[1], region[0]));
            }
        }
        return new CorpusDocs.ThemesFile(CorpusDocs.THEMES_FORMAT, docs);
    }

    public static String authorSlug(int index) {
        return String.format(Locale.ROOT, "syn-author-%05d", index + 1);
    }

    public static String paperSlug(int index) {
        return String.format(Locale.ROOT, "syn-paper-%06d", index + 1);
    }

    /** How many forecasts paper {@code index} has: the mean, plus or minus a spread that cancels in pairs. */
    int forecastsIn(int index) {
        int base = size.forecasts() / size.papers();
        int extra = index < size.forecasts() % size.papers() ? 1 : 0;
        int pair = index / 2;
        if (index / 2 * 2 + 1 >= size.papers()) {
            return base + extra; // the odd one out has no partner to balance it
        }
        int spread = (int) (new SplittableRandom(seed ^ (pair * 0x9E3779B97F4A7C15L)).nextInt(Math.max(1, base)));
        return base + extra + (index % 2 == 0 ? spread : -spread);
    }

    /** The paper with this index (0-based), with its forecasts, evidence and verdicts. */
    public CorpusDocs.PaperFile paper(int index) {
        SplittableRandom r = new SplittableRandom(seed * 31 + index);
        int[] authors = pickAuthors(r, index);
        LocalDate published = FIRST_PUBLISHED.plusDays(r.nextLong(LAST_PUBLISHED.toEpochDay() - FIRST_PUBLISHED.toEpochDay() + 1));
        String[] region = REGIONS[r.nextInt(REGIONS.length)];
        List<CorpusDocs.AuthorDoc> authorDocs = new ArrayList<>();
        for (int a : authors) {
            String name = String.format(Locale.ROOT, "Analyst %05d", a + 1);
            authorDocs.add(new CorpusDocs.AuthorDoc(name, authorSlug(a), name, PUBLISHERS[a % PUBLISHERS.length], null));
        }
        var paper = new CorpusDocs.PaperDoc(paperSlug(index), region[1] + ": outlook " + published.getYear() + " (synthetic " + (index + 1) + ")",
                PUBLISHERS[index % PUBLISHERS.length], null, "https://example.org/papers/" + (index + 1), published.toString(), "en",
                null, authorDocs, null);
        int n = forecastsIn(index);
        List<CorpusDocs.ForecastDoc> forecasts = new ArrayList<>(n);
        double paperSkill = Arrays.stream(authors).mapToDouble(a -> skill[a]).average().orElse(0);
        for (int k = 0; k < n; k++) {
            forecasts.add(forecast(r, k, region, published, paperSkill));
        }
        return new CorpusDocs.PaperFile(CorpusDocs.PAPER_FORMAT, paper, forecasts);
    }

    /** The paper's authors by weight; the first papers give every author a debut, so none is without forecasts. */
    private int[] pickAuthors(SplittableRandom r, int paper) {
        double dice = r.nextDouble();
        int count = Math.min(size.authors(), dice < 0.55 ? 1 : dice < 0.85 ? 2 : 3);
        Set<Integer> picked = new LinkedHashSet<>();
        if (paper < size.authors()) {
            picked.add(paper);
        }
        while (picked.size() < count) {
            double u = r.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
            int i = Arrays.binarySearch(cumulativeWeight, u);
            picked.add(i >= 0 ? i : Math.min(cumulativeWeight.length - 1, -i - 1));
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    private CorpusDocs.ForecastDoc forecast(SplittableRandom r, int k, String[] region, LocalDate madeOn, double authorSkill) {
        String actor = ACTORS[r.nextInt(ACTORS.length)];
        String event = EVENTS[r.nextInt(EVENTS.length)];
        LocalDate resolveBy = madeOn.plusMonths(6 + r.nextInt(31));
        String statement = actor + " will " + event + " by " + resolveBy + ".";
        String phrase = null;
        Double probability = null;
        String basis = null;
        double p;
        if (r.nextDouble() < 0.8) {
            PhraseTable.Entry e = phrases.get(r.nextInt(phrases.size()));
            phrase = e.phrase();
            p = e.point();
        } else {
            p = (1 + r.nextInt(19)) / 20.0;
            probability = p;
            basis = r.nextBoolean() ? "PRINTED" : "EDITOR";
        }
        // numbered as a paper's points are: two forecasts of one paper never share a quote (the ledger refuses that)
        String quote = "(" + (k + 1) + ") " + (phrase != null ? actor + " " + phrase + " " + event + " before " + resolveBy.getYear() + "."
                : "We put the chance that " + actor.toLowerCase(Locale.ROOT) + " will " + event + " at " + Math.round(p * 100) + "%.");
        boolean thirdParty = r.nextDouble() < 0.03;
        String resolveByBasis = r.nextDouble() < 0.6 ? "STATED" : r.nextBoolean() ? "INFERRED" : "EDITOR";
        String resolveByNote = resolveByBasis.equals("STATED") ? null : "the paper's horizon, read by the generator";
        List<String> themes = new ArrayList<>();
        int first = r.nextInt(ASPECTS.length);
        themes.add(region[0] + "-" + ASPECTS[first][0]);
        if (r.nextDouble() < 0.3) {
            themes.add(region[0] + "-" + ASPECTS[(first + 1 + r.nextInt(ASPECTS.length - 1)) % ASPECTS.length][0]);
        }
        LocalDate horizon = resolveBy.isBefore(today) ? resolveBy : today.minusDays(1);
        long span = Math.max(1, horizon.toEpochDay() - madeOn.toEpochDay());
        List<CorpusDocs.EvidenceDoc> evidence = null;
        if (r.nextDouble() < 0.3) {
            evidence = new ArrayList<>();
            int count = 1 + r.nextInt(2);
            for (int e = 0; e < count; e++) {
                LocalDate observed = madeOn.plusDays(r.nextLong(span + 1));
                String stance = new String[]{"SUPPORTS", "REFUTES", "CONTEXT"}[r.nextInt(3)];
                evidence.add(new CorpusDocs.EvidenceDoc("Report on whether " + actor + " moved to " + event + " (" + observed + ").",
                        observed.toString(), null, "https://example.org/news/" + Long.toHexString(r.nextLong()), null, stance));
            }
        }
        CorpusDocs.ResolutionDoc resolution = null;
        if (r.nextDouble() < size.resolvedShare()) {
            LocalDate resolvedOn = madeOn.plusDays(1 + r.nextLong(span));
            if (resolvedOn.isAfter(today)) {
                resolvedOn = today;
            }
            double dice = r.nextDouble();
            String outcome;
            Double credit = null;
            if (dice < 0.02) {
                outcome = "ANNULLED";
            } else if (dice < 0.04) {
                outcome = "AMBIGUOUS";
            } else if (dice < 0.08) {
                outcome = "PARTIAL";
                credit = (1 + r.nextInt(3)) / 4.0;
            } else {
                // A skilled author's events happen more often when they say likely, less when unlikely.
                double truth = Math.min(0.99, Math.max(0.01, 0.5 + (p - 0.5) * (1 + authorSkill)));
                outcome = r.nextDouble() < truth ? "TRUE" : "FALSE";
            }
            resolution = new CorpusDocs.ResolutionDoc(outcome, credit, resolvedOn.toString(),
                    "Synthetic verdict: " + outcome.toLowerCase(Locale.ROOT) + " as of " + resolvedOn + ".");
        }
        return new CorpusDocs.ForecastDoc("f-" + (k + 1), statement, quote, thirdParty ? "THIRD_PARTY" : null,
                thirdParty ? "Observers quoted in the paper" : null, null, phrase, probability, basis, null, null,
                resolveBy.toString(), resolveByBasis, resolveByNote, null, themes, null, evidence, resolution, null);
    }
}
