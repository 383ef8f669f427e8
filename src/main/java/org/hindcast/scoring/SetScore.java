package org.hindcast.scoring;

import java.util.List;

/**
 * The figures of a set of scored forecasts (an author, a theme, a paper, a horizon bucket), exactly as
 * scoring.md defines them. Figures that a set cannot have are null: everything when N = 0, BSS_base
 * when the base rate is 0 or 1, discrimination without both outcomes, the standard error when N = 1.
 */
public record SetScore(
        int scored,
        Double brier,
        Double logLoss,
        Double baselineScore,
        Double bss50,
        Double bssBase,
        Interval brierInterval,
        Double brierStdError,
        double shrunkBrier,
        Double baseRate,
        Double discrimination,
        Double rightSide,
        List<CalibrationBin> calibration,
        Decomposition decomposition) {

    public record Interval(double low, double high) {
    }

    public record CalibrationBin(double binLow, double binHigh, int n, double meanForecast, double observed,
                                 double low, double high) {
    }

    /** Murphy's decomposition over the calibration bins; remainder = BS - (REL - RES + UNC). */
    public record Decomposition(double reliability, double resolution, double uncertainty, double remainder) {
    }
}
