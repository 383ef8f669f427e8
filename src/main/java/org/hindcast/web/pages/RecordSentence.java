package org.hindcast.web.pages;

import org.hindcast.trackrecords.Figures;
import org.hindcast.trackrecords.TrackRecord;

import java.util.Locale;

/** The plain sentence at the top of a track record, which says what the number means. */
public final class RecordSentence {

    private RecordSentence() {
    }

    public static String sentence(TrackRecord record) {
        Figures f = record.figures();
        int n = f.scored();
        String forecasts = n == 1 ? "1 resolved forecast" : n + " resolved forecasts";
        if (n == 0) {
            return "No resolved forecasts yet" + (f.pending() > 0 ? ": " + f.pending() + " pending" + (f.overdue() > 0
                    ? ", " + f.overdue() + " of them past their resolve-by date." : ".") : ".");
        }
        double high = f.brierInterval().high();
        double low = f.brierInterval().low();
        String interval = String.format(Locale.ROOT, "%.3f-%.3f", low, high);
        if (high < 0.25) {
            return "Better than always saying 50% on " + forecasts + ", and the 95% interval (" + interval + ") agrees.";
        }
        if (f.brier() < 0.25) {
            return "Better than always saying 50% on " + forecasts + ", though the 95% interval (" + interval
                    + ") still reaches past 0.25: too few forecasts to be sure.";
        }
        if (low > 0.25) {
            return "Worse than always saying 50% on " + forecasts + ", and the 95% interval (" + interval + ") agrees.";
        }
        return "No better than always saying 50% on " + forecasts + " (95% interval " + interval + ").";
    }
}
