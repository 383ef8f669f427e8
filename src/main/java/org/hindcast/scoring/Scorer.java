package org.hindcast.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Computes the figures of scoring.md for a set of scored forecasts. Plain Java over plain values:
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

    public SetScore score(List<ScoredForecast> forecasts) {
        int n = forecasts.size();
        if (n == 0) {
            return new SetScore(0, null, null, null, null, null, null, null, 0.25, null, null, null, List.of(), null);
        }
        double brierSum = 0;
        double logLossSum = 0;
        double baselineSum = 0;
        double outcomeSum = 0;
        double rightSide = 0;
        double[] briers = new double[n];
        for (int i = 0; i < n; i++) {
            ScoredForecast f = forecasts.get(i);
            briers[i] = Rules.brier(f.p(), f.o());
            brierSum += briers[i];
            logLossSum += Rules.logLoss(f.p(), f.o());
            baselineSum += Rules.baselineScore(f.p(), f.o());
            outcomeSum += f.o();
            if (f.p() == 0.5) {
                rightSide += 0.5;
            } else if ((f.p() > 0.5 && f.o() == 1) || (f.p() < 0.5 && f.o() == 0)) {
                rightSide += 1;
            }
        }
        double bs = brierSum / n;
        double baseRate = outcomeSum / n;
        double unc = baseRate * (1 - baseRate);
        Double bssBase = baseRate == 0 || baseRate == 1 ? null : 1 - bs / unc;

        List<SetScore.CalibrationBin> bins = calibration(forecasts);
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
                bootstrap(forecasts), standardError(briers, bs), (n * bs + shrinkage * 0.25) / (n + shrinkage),
                baseRate, discrimination(forecasts), rightSide / n, bins, decomposition);
    }

    /** Bin index floor(10p), computed in decimal so that p = 0.3 falls in [0.3, 0.4), with p = 1.0 in the last bin. */
    static int bin(double p) {
        int k = BigDecimal.valueOf(p).multiply(BigDecimal.TEN).setScale(0, RoundingMode.FLOOR).intValue();
        return Math.min(9, Math.max(0, k));
    }

    static List<SetScore.CalibrationBin> calibration(List<ScoredForecast> forecasts) {
        int[] count = new int[10];
        double[] pSum = new double[10];
        double[] oSum = new double[10];
        for (ScoredForecast f : forecasts) {
            int k = bin(f.p());
            count[k]++;
            pSum[k] += f.p();
            oSum[k] += f.o();
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
    static Double discrimination(List<ScoredForecast> forecasts) {
        double sumTrue = 0;
        double sumFalse = 0;
        int nTrue = 0;
        int nFalse = 0;
        for (ScoredForecast f : forecasts) {
            if (f.o() == 1) {
                sumTrue += f.p();
                nTrue++;
            } else if (f.o() == 0) {
                sumFalse += f.p();
                nFalse++;
            }
        }
        return nTrue == 0 || nFalse == 0 ? null : sumTrue / nTrue - sumFalse / nFalse;
    }

    /** sd((p-o)^2)/sqrt(N) with the sample standard deviation; null for N = 1. */
    static Double standardError(double[] briers, double mean) {
        int n = briers.length;
        if (n < 2) {
            return null;
        }
        double ss = 0;
        for (double b : briers) {
            ss += (b - mean) * (b - mean);
        }
        return Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    }

    /**
     * 95% percentile bootstrap interval of the mean Brier. The forecasts are put in a canonical order
     * first and the generator has a fixed seed, so the same forecasts, in any order, give the same
     * interval. Percentiles interpolate linearly between order statistics (R's type 7).
     */
    SetScore.Interval bootstrap(List<ScoredForecast> forecasts) {
        int n = forecasts.size();
        double[] briers = forecasts.stream()
                .sorted(Comparator.comparingDouble(ScoredForecast::p).thenComparingDouble(ScoredForecast::o))
                .mapToDouble(f -> Rules.brier(f.p(), f.o())).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += briers[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        return new SetScore.Interval(quantile(means, 0.025), quantile(means, 0.975));
    }

    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
