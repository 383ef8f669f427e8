package org.hindcast.web.pages;

import io.quarkus.qute.TemplateExtension;

import java.util.Locale;

/** How numbers read on the pages: {brier.f3}, {probability.pct}. */
@TemplateExtension
public final class Formats {

    private Formats() {
    }

    static String f3(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String f2(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String f1(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String pct(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.0f%%", value * 100);
    }
}
