package org.hindcast.forecasts;

/** Who makes a forecast: the paper's own authors, or a third party the paper reports (scored for nobody). */
public enum Speaker {
    AUTHORS, THIRD_PARTY
}
