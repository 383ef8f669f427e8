package org.hindcast.papers;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * A publication date as printed: "2024-11-13", "2024-03" or "2024". Stored as the first day of the
 * period with its precision, so that it sorts and compares as a date but never claims a day it lacks.
 */
public record PublishedDate(LocalDate date, DatePrecision precision) {

    public static PublishedDate parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return new PublishedDate(LocalDate.parse(t), DatePrecision.DAY);
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                return new PublishedDate(YearMonth.parse(t).atDay(1), DatePrecision.MONTH);
            }
            if (t.matches("\\d{4}")) {
                return new PublishedDate(LocalDate.of(Integer.parseInt(t), 1, 1), DatePrecision.YEAR);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + t + "' is not a real date");
        }
        throw new IllegalArgumentException("'" + t + "' is not YYYY-MM-DD, YYYY-MM or YYYY");
    }

    /** The date at its own precision, as printed: "2024-03" for a month. */
    public String text() {
        return switch (precision) {
            case DAY -> date.toString();
            case MONTH -> YearMonth.from(date).toString();
            case YEAR -> Integer.toString(date.getYear());
        };
    }
}
