package org.hindcast.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Computes the figures of docs/scoring.md for a set of scored forecasts. Plain Java over plain values:
 * no database, no HTTP, no framework.
 */
public final class Scorer {

    public static final double Z = 1.959964;
    public static final int DEFAULT_RESAMPLES = 2000;
    public static final long DEFAULT_SEED = 20_240_313L;
    public static final double DEFAULT_SHRINKAGE = 10;

    private final double shrinkage;
    private final int resamples;
    private final long seed;

    public Scorer() {
        this(DEFAULT_SHRINKAGE, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    /**
     * @param shrinkage k of the shrunk Brier (N*BS + k*0.25)/(N + k)
     * @param resamples bootstrap resamples for the Brier interval
     * @param seed      the bootstrap's fixed seed: the same data always gives the same interval
     */
    public Scorer(double shrinkage, int resamples, long seed) {
        if (shrinkage < 0 || resamples < 1) {
            throw new IllegalArgumentException("shrinkage >= 0 and resamples >= 1");
        }
        this.shrinkage = shrinkage;
        this.resamples = resamples;
        this.seed = seed;
    }

    public double shrinkage() {
        return shrinkage;
    }

    /**
     * The figures of the set. Every figure of scoring.md depends only on the multiset of (p, o) pairs, so
     * the set is first put in its canonical order (by p, then o) and run-length encoded: the figures are
     * computed over the distinct pairs with their counts (a policy ledger has few distinct probabilities),
     * and remembered by that encoding, so a track record read again costs a sort, not 2,000 resamples.
     */
    public SetScore score(List<ScoredForecast> forecasts) {
        return score(Runs.of(forecasts));
    }

    /** The figures of a set given as its distinct (p, o) pairs with their counts (what the leaderboards keep). */
    public SetScore score(Runs runs) {
        int n = runs.size();
        if (n == 0) {
            return new SetScore(0, null, null, null, null, null, null, null, 0.25, null, null, null, List.of(), null);
        }
        MemoKey key = new MemoKey(shrinkage, resamples, seed, runs.p, runs.o, runs.count);
        SetScore known = MEMO.get(key);
        if (known != null) {
            return known;
        }
        SetScore computed = compute(runs, n);
        MEMO.put(key, computed);
        return computed;
    }

    /**
     * The mean Brier of the set, summed exactly as {@link #score(Runs)} sums it (same order, same operations), so
     * that a row kept from the counts and a figure computed from the forecasts are the same double.
     */
    public static double meanBrier(Runs runs) {
        int n = runs.size();
        if (n == 0) {
            throw new IllegalArgumentException("the mean Brier of an empty set");
        }
        return brierSum(runs) / n;
    }

    private static double brierSum(Runs runs) {
        double sum = 0;
        for (int r = 0; r < runs.p.length; r++) {
            sum += runs.count[r] * Rules.brier(runs.p[r], runs.o[r]);
        }
        return sum;
    }

    /**
     * A set of scored forecasts as its distinct (p, o) pairs in canonical order (by p, then o) with how often each
     * occurs. Every figure of scoring.md depends only on this multiset.
     */
    public record Runs(double[] p, double[] o, int[] count) {

        public Runs {
            if (p.length != o.length || p.length != count.length) {
                throw new IllegalArgumentException("p, o and count differ in length");
            }
            for (int r = 0; r < p.length; r++) {
                if (!(p[r] >= 0 && p[r] <= 1) || !(o[r] >= 0 && o[r] <= 1) || count[r] <= 0) {
                    throw new IllegalArgumentException("run " + r + ": p and o in [0, 1] and a positive count");
                }
                if (r > 0 && (p[r] < p[r - 1] || (p[r] == p[r - 1] && o[r] <= o[r - 1]))) {
                    throw new IllegalArgumentException("runs out of canonical order (by p, then o, each pair once) at " + r);
                }
            }
        }

        /** How many forecasts the runs hold. */
        public int size() {
            int n = 0;
            for (int c : count) {
                n += c;
            }
            return n;
        }

        public static Runs of(List<ScoredForecast> forecasts) {
            int n = forecasts.size();
            // Sorted by p, then o: both are in [0, 1], where a double's bits order as the double does.
            long[][] pairs = new long[n][];
            for (int i = 0; i < n; i++) {
                ScoredForecast f = forecasts.get(i);
                pairs[i] = new long[]{Double.doubleToLongBits(f.p()), Double.doubleToLongBits(f.o())};
            }
            Arrays.sort(pairs, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            double[] rp = new double[n];
            double[] ro = new double[n];
            int[] rc = new int[n];
            int k = -1;
            for (long[] pair : pairs) {
                double p = Double.longBitsToDouble(pair[0]);
                double o = Double.longBitsToDouble(pair[1]);
                if (k >= 0 && rp[k] == p && ro[k] == o) {
                    rc[k]++;
                } else {
                    k++;
                    rp[k] = p;
                    ro[k] = o;
                    rc[k] = 1;
                }
            }
            return new Runs(Arrays.copyOf(rp, k + 1), Arrays.copyOf(ro, k + 1), Arrays.copyOf(rc, k + 1));
        }
    }

    private SetScore compute(Runs runs, int n) {
        double brierSum = brierSum(runs);
        double logLossSum = 0;
        double baselineSum = 0;
        double outcomeSum = 0;
        double rightSide = 0;
        for (int r = 0; r < runs.p.length; r++) {
            double p = runs.p[r];
            double o = runs.o[r];
            int c = runs.count[r];
            logLossSum += c * Rules.logLoss(p, o);
            baselineSum += c * Rules.baselineScore(p, o);
            outcomeSum += c * o;
            if (p == 0.5) {
                rightSide += 0.5 * c;
            } else if ((p > 0.5 && o == 1) || (p < 0.5 && o == 0)) {
                rightSide += c;
            }
        }
        double bs = brierSum / n;
        double baseRate = outcomeSum / n;
        double unc = baseRate * (1 - baseRate);
        Double bssBase = baseRate == 0 || baseRate == 1 ? null : 1 - bs / unc;

        List<SetScore.CalibrationBin> bins = calibration(runs);
        double rel = 0;
        double res = 0;
        for (SetScore.CalibrationBin b : bins) {
            rel += b.n() * (b.meanForecast() - b.observed()) * (b.meanForecast() - b.observed());
            res += b.n() * (b.observed() - baseRate) * (b.observed() - baseRate);
        }
        rel /= n;
        res /= n;
        var decomposition = new SetScore.Decomposition(rel, res, unc, bs - (rel - res + unc));

        return new SetScore(n, bs, logLossSum / n, baselineSum / n, 1 - bs / 0.25, bssBase,
                bootstrap(runs, n), standardError(runs, n, bs), (n * bs + shrinkage * 0.25) / (n + shrinkage),
                baseRate, discrimination(runs), rightSide / n, bins, decomposition);
    }

    /** Remembered figures, by scorer settings and canonical multiset; bounded, least recently used out first. */
    private static final Map<MemoKey, SetScore> MEMO = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<MemoKey, SetScore> eldest) {
                    return size() > MEMO_ENTRIES;
                }
            });
    static final int MEMO_ENTRIES = 20_000;

    private record MemoKey(double shrinkage, int resamples, long seed, double[] p, double[] o, int[] count) {
        @Override
        public boolean equals(Object other) {
            return other instanceof MemoKey k && k.shrinkage == shrinkage && k.resamples == resamples && k.seed == seed
                    && Arrays.equals(k.p, p) && Arrays.equals(k.o, o) && Arrays.equals(k.count, count);
        }

        @Override
        public int hashCode() {
            return ((Double.hashCode(shrinkage) * 31 + resamples) * 31 + Long.hashCode(seed)) * 31
                    + (Arrays.hashCode(p) * 31 + Arrays.hashCode(o)) * 31 + Arrays.hashCode(count);
        }

        @Override
        public String toString() {
            return "MemoKey[" + count.length + " runs]";
        }
    }

    /** Bin index floor(10p), computed in decimal so that p = 0.3 falls in [0.3, 0.4), with p = 1.0 in the last bin. */
    static int bin(double p) {
        int k = BigDecimal.valueOf(p).multiply(BigDecimal.TEN).setScale(0, RoundingMode.FLOOR).intValue();
        return Math.min(9, Math.max(0, k));
    }

    static List<SetScore.CalibrationBin> calibration(Runs runs) {
        int[] count = new int[10];
        double[] pSum = new double[10];
        double[] oSum = new double[10];
        for (int r = 0; r < runs.p.length; r++) {
            int k = bin(runs.p[r]);
            count[k] += runs.count[r];
            pSum[k] += runs.count[r] * runs.p[r];
            oSum[k] += runs.count[r] * runs.o[r];
        }
        List<SetScore.CalibrationBin> bins = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            if (count[k] == 0) {
                continue;
            }
            int n = count[k];
            double observed = oSum[k] / n;
            double z2 = Z * Z;
            double centre = (observed + z2 / (2.0 * n)) / (1 + z2 / n);
            double half = Z * Math.sqrt(observed * (1 - observed) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
            bins.add(new SetScore.CalibrationBin(k / 10.0, (k + 1) / 10.0, n, pSum[k] / n, observed,
                    centre - half, centre + half));
        }
        return List.copyOf(bins);
    }

    /** Mean p where o = 1 minus mean p where o = 0, over binary outcomes; null without both. */
    static Double discrimination(Runs runs) {
        double sumTrue = 0;
        double sumFalse = 0;
        int nTrue = 0;
        int nFalse = 0;
        for (int r = 0; r < runs.p.length; r++) {
            if (runs.o[r] == 1) {
                sumTrue += runs.count[r] * runs.p[r];
                nTrue += runs.count[r];
            } else if (runs.o[r] == 0) {
                sumFalse += runs.count[r] * runs.p[r];
                nFalse += runs.count[r];
            }
        }
        return nTrue == 0 || nFalse == 0 ? null : sumTrue / nTrue - sumFalse / nFalse;
    }

    /** sd((p-o)^2)/sqrt(N) with the sample standard deviation; null for N = 1. */
    static Double standardError(Runs runs, int n, double mean) {
        if (n < 2) {
            return null;
        }
        double ss = 0;
        for (int r = 0; r < runs.p.length; r++) {
            double b = Rules.brier(runs.p[r], runs.o[r]);
            ss += runs.count[r] * (b - mean) * (b - mean);
        }
        return Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    }

    /**
     * 95% percentile bootstrap interval of the mean Brier. The forecasts are in their canonical order and the
     * generator has a fixed seed, so the same forecasts, in any order, give the same interval. Percentiles
     * interpolate linearly between order statistics (R's type 7). Indices are drawn exactly uniformly with
     * Lemire's multiply-and-reject method, two per 64 random bits: a division per draw was most of the cost.
     */
    SetScore.Interval bootstrap(Runs runs, int n) {
        double[] briers = new double[n];
        int i = 0;
        for (int r = 0; r < runs.p.length; r++) {
            double b = Rules.brier(runs.p[r], runs.o[r]);
            for (int c = 0; c < runs.count[r]; c++) {
                briers[i++] = b;
            }
        }
        // The resamples are cut into CHUNKS, each drawn from its own generator split off the seeded root in a fixed
        // order: the same data gives the same means whether the chunks run one after another or side by side, and a
        // large set (a prolific author's record) is resampled on every core.
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] generators = new SplittableRandom[CHUNKS];
        for (int c = 0; c < CHUNKS; c++) {
            generators[c] = root.split();
        }
        double[] means = new double[resamples];
        java.util.stream.IntStream chunks = java.util.stream.IntStream.range(0, CHUNKS);
        if ((long) n * resamples >= PARALLEL_DRAWS) {
            chunks = chunks.parallel();
        }
        chunks.forEach(c -> resample(briers, generators[c], means, c * resamples / CHUNKS, (c + 1) * resamples / CHUNKS));
        Arrays.sort(means);
        return new SetScore.Interval(quantile(means, 0.025), quantile(means, 0.975));
    }

    static final int CHUNKS = 8;
    /** Below this many draws a bootstrap is quicker on one core than handed around. */
    static final long PARALLEL_DRAWS = 2_000_000;

    /** Fills means[from, to) with the means of resamples of the briers, drawn from {@code random}. */
    private static void resample(double[] briers, SplittableRandom random, double[] means, int from, int to) {
        int n = briers.length;
        long bound = n;
        int threshold = (int) (((1L << 32) - bound) % bound); // draws whose low part falls below this are redrawn
        for (int r = from; r < to; r++) {
            // Two sums, one per half of the random word: independent additions run side by side.
            double sumLow = 0;
            double sumHigh = 0;
            int drawn = 0;
            while (drawn < n) {
                long bits = random.nextLong();
                long low = (bits & 0xFFFFFFFFL) * bound;
                if ((low & 0xFFFFFFFFL) >= threshold) { // below it: rejected, so every index is exactly equally likely
                    sumLow += briers[(int) (low >>> 32)];
                    drawn++;
                }
                long high = (bits >>> 32) * bound;
                if (drawn < n && (high & 0xFFFFFFFFL) >= threshold) {
                    sumHigh += briers[(int) (high >>> 32)];
                    drawn++;
                }
            }
            means[r] = (sumLow + sumHigh) / n;
        }
    }

    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
