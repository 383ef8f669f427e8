package org.hindcast.papers;

/** How much of a paper's publication date is printed: two of the first five papers give only the month. */
public enum DatePrecision {
    DAY, MONTH, YEAR
}
