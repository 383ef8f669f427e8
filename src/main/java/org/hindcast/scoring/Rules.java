package org.hindcast.scoring;

/** The per-forecast scores of scoring.md. */
public final class Rules {

    /** The version of these definitions, carried by every computed score. */
    /**
     * 2026.2: the bootstrap draws its indices by multiply-and-reject (two per 64 random bits) instead of one
     * modulo per draw; same definitions, same seed, but another random stream, so other interval digits.
     */
    public static final String VERSION = "scoring-2026.2";

    static final double CLAMP_LOW = 0.001;
    static final double CLAMP_HIGH = 0.999;

    private Rules() {
    }

    /** Brier on the 0-1 scale: 0 best, 0.25 = always saying 50%. */
    public static double brier(double p, double o) {
        return (p - o) * (p - o);
    }

    /** Log score o*ln(p') + (1-o)*ln(1-p'), p' clamped to [0.001, 0.999]. */
    public static double logScore(double p, double o) {
        double c = clamp(p);
        return o * Math.log(c) + (1 - o) * Math.log(1 - c);
    }

    public static double logLoss(double p, double o) {
        return -logScore(p, o);
    }

    /** Metaculus-style baseline score: 100 * (o*log2(p') + (1-o)*log2(1-p') + 1); 0 = no better than 50%. */
    public static double baselineScore(double p, double o) {
        double c = clamp(p);
        return 100 * (o * log2(c) + (1 - o) * log2(1 - c) + 1);
    }

    static double clamp(double p) {
        return Math.min(CLAMP_HIGH, Math.max(CLAMP_LOW, p));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
