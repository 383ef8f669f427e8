package org.hindcast.resolutions;

/** A reviewer's verdict on a forecast. ANNULLED and AMBIGUOUS are counted and shown, never scored. */
public enum Outcome {
    TRUE, FALSE, PARTIAL, ANNULLED, AMBIGUOUS
}
