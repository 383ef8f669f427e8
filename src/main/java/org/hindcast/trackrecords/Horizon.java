package org.hindcast.trackrecords;

import java.time.LocalDate;

/** How far ahead a forecast looked: made-on to resolve-by. */
public enum Horizon {
    UNDER_6_MONTHS("under 6 months"),
    FROM_6_TO_18_MONTHS("6-18 months"),
    OVER_18_MONTHS("over 18 months");

    public final String label;

    Horizon(String label) {
        this.label = label;
    }

    public static Horizon of(LocalDate madeOn, LocalDate resolveBy) {
        if (resolveBy.isBefore(madeOn.plusMonths(6))) {
            return UNDER_6_MONTHS;
        }
        if (resolveBy.isAfter(madeOn.plusMonths(18))) {
            return OVER_18_MONTHS;
        }
        return FROM_6_TO_18_MONTHS;
    }
}
