package org.hindcast.trackrecords;

import org.hindcast.scoring.SetScore;

import java.util.List;

/**
 * A set's figures as the API shows them: the scores of scoring.md over its scored forecasts, and the
 * counts of the forecasts that are not scored (pending, overdue, annulled, ambiguous, attributed to others).
 */
public record Figures(
        int scored,
        Double brier,
        Double logLoss,
        Double baselineScore,
        Double bss50,
        Double bssBase,
        SetScore.Interval brierInterval,
        Double brierStdError,
        double shrunkBrier,
        Double baseRate,
        Double discrimination,
        Double rightSide,
        List<SetScore.CalibrationBin> calibration,
        SetScore.Decomposition decomposition,
        int pending,
        int overdue,
        int annulled,
        int ambiguous,
        Long attributedToOthers) {

    public static Figures of(SetScore s, int pending, int overdue, int annulled, int ambiguous, Long attributedToOthers) {
        return new Figures(s.scored(), s.brier(), s.logLoss(), s.baselineScore(), s.bss50(), s.bssBase(),
                s.brierInterval(), s.brierStdError(), s.shrunkBrier(), s.baseRate(), s.discrimination(), s.rightSide(),
                s.calibration(), s.decomposition(), pending, overdue, annulled, ambiguous, attributedToOthers);
    }
}
