package org.hindcast.forecasts;

/** A forecast's standing: pending, or the outcome of its latest resolution. */
public enum ForecastStatus {
    PENDING, TRUE, FALSE, PARTIAL, ANNULLED, AMBIGUOUS;

    public boolean scored() {
        return this == TRUE || this == FALSE || this == PARTIAL;
    }
}
