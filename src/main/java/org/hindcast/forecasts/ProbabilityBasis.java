package org.hindcast.forecasts;

/** Where a forecast's probability came from. */
public enum ProbabilityBasis {
    /** The paper prints a number. */
    PRINTED,
    /** The printed phrase, read through a version of the phrase table. */
    PHRASE_TABLE,
    /** The editor's judgement, for wording no table settles. */
    EDITOR
}
