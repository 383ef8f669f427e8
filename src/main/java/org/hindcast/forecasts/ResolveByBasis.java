package org.hindcast.forecasts;

/** Where a forecast's resolve-by date came from. */
public enum ResolveByBasis {
    /** The text states it ("in November 2025"). */
    STATED,
    /** Inferred from the text ("during Trump's second term" ends 2029-01-20); the note says how. */
    INFERRED,
    /** The editor's choice for open-ended wording ("for the time being"); the note says why. */
    EDITOR
}
