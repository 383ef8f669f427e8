package org.hindcast.scoring;

/**
 * One resolved forecast as the scorer sees it: probability {@code p} (0 < p < 1) that the statement
 * comes true, and outcome {@code o} in [0, 1]: 1 true, 0 false, or a reviewer's partial credit.
 * ANNULLED and AMBIGUOUS forecasts never become a ScoredForecast.
 */
public record ScoredForecast(double p, double o) {

    public ScoredForecast {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be strictly between 0 and 1, was " + p);
        }
        if (!(o >= 0 && o <= 1)) {
            throw new IllegalArgumentException("o must be in [0, 1], was " + o);
        }
    }

    public boolean binary() {
        return o == 0 || o == 1;
    }
}
