package org.hindcast.forecasts;

/** A forecast's standing: pending, the outcome of its latest resolution, or withdrawn (kept, scored for nobody). */
public enum ForecastStatus {
    PENDING, TRUE, FALSE, PARTIAL, ANNULLED, AMBIGUOUS, WITHDRAWN;

    public boolean scored() {
        return this == TRUE || this == FALSE || this == PARTIAL;
    }
}
