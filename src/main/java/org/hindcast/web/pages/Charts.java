package org.hindcast.web.pages;

import org.hindcast.scoring.SetScore;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** SVG charts drawn on the server: no script, readable by screen readers, printable. */
public final class Charts {

    private static final int W = 420;
    private static final int H = 360;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 52;

    private Charts() {
    }

    /** The calibration chart: one point per bin at (mean forecast, observed), sized by n, with its Wilson interval. */
    public static String calibration(List<SetScore.CalibrationBin> bins, String id) {
        StringBuilder s = open(id, "Calibration", "Observed frequency against forecast probability, one point per bin of ten "
                + "percentage points; the diagonal is perfect calibration; bars are 95% Wilson intervals.");
        double pw = W - LEFT - RIGHT;
        double ph = H - TOP - BOTTOM;
        for (int i = 0; i <= 10; i += 2) {
            double v = i / 10.0;
            double x = LEFT + v * pw;
            double y = TOP + (1 - v) * ph;
            s.append(line(LEFT, y, W - RIGHT, y, "#e3e3e3", 1, null));
            s.append(line(x, TOP, x, TOP + ph, "#e3e3e3", 1, null));
            s.append(text(x, TOP + ph + 16, pct(v), "middle"));
            s.append(text(LEFT - 6, y + 4, pct(v), "end"));
        }
        s.append(line(LEFT, TOP + ph, W - RIGHT, TOP, "#777", 1.5, "6 4"));
        s.append(line(LEFT, TOP, LEFT, TOP + ph, "#1a1a1a", 1.5, null));
        s.append(line(LEFT, TOP + ph, W - RIGHT, TOP + ph, "#1a1a1a", 1.5, null));
        s.append(text(LEFT + pw / 2, H - 10, "Forecast probability", "middle"));
        s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" transform=\"rotate(-90 14 %.1f)\" text-anchor=\"middle\" "
                + "font-size=\"12\" fill=\"#1a1a1a\">Observed frequency</text>", TOP + ph / 2, TOP + ph / 2));
        int maxN = bins.stream().mapToInt(SetScore.CalibrationBin::n).max().orElse(1);
        for (SetScore.CalibrationBin b : bins) {
            double x = LEFT + b.meanForecast() * pw;
            double y = TOP + (1 - b.observed()) * ph;
            double yLow = TOP + (1 - b.low()) * ph;
            double yHigh = TOP + (1 - b.high()) * ph;
            s.append(line(x, yHigh, x, yLow, "#0b5394", 2, null));
            s.append(line(x - 5, yHigh, x + 5, yHigh, "#0b5394", 2, null));
            s.append(line(x - 5, yLow, x + 5, yLow, "#0b5394", 2, null));
            double r = 4 + 10 * Math.sqrt((double) b.n() / maxN);
            s.append(String.format(Locale.ROOT, "<circle class=\"bin\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#0b5394\" "
                            + "fill-opacity=\"0.75\" stroke=\"#fff\"><title>%s-%s: %d forecasts, mean %s, observed %s "
                            + "(95%% interval %s-%s)</title></circle>", x, y, r, pct(b.binLow()), pct(b.binHigh()), b.n(),
                    pct(b.meanForecast()), pct(b.observed()), pct(b.low()), pct(b.high())));
        }
        return s.append("</svg>").toString();
    }

    /** A point of the running Brier: the date a forecast was resolved and the mean Brier of all resolved by then. */
    public record Point(LocalDate date, double brier) {
    }

    /** Brier over time by resolution date, with the always-50% line for reference. */
    public static String brierOverTime(List<Point> points, String id) {
        StringBuilder s = open(id, "Brier over time", "The mean Brier of the forecasts resolved up to each date; "
                + "the dashed line is 0.25, what always saying 50% earns. Lower is better.");
        double pw = W - LEFT - RIGHT;
        double ph = H - TOP - BOTTOM;
        double yMax = 0.5;
        for (double v = 0; v <= yMax + 1e-9; v += 0.1) {
            double y = TOP + (1 - v / yMax) * ph;
            s.append(line(LEFT, y, W - RIGHT, y, "#e3e3e3", 1, null));
            s.append(text(LEFT - 6, y + 4, String.format(Locale.ROOT, "%.1f", v), "end"));
        }
        double yRef = TOP + (1 - 0.25 / yMax) * ph;
        s.append(line(LEFT, yRef, W - RIGHT, yRef, "#a21a1a", 1.5, "6 4"));
        s.append(text(W - RIGHT - 2, yRef - 5, "always 50%", "end"));
        s.append(line(LEFT, TOP, LEFT, TOP + ph, "#1a1a1a", 1.5, null));
        s.append(line(LEFT, TOP + ph, W - RIGHT, TOP + ph, "#1a1a1a", 1.5, null));
        s.append(text(LEFT + pw / 2, H - 10, "Resolution date", "middle"));
        s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" transform=\"rotate(-90 14 %.1f)\" text-anchor=\"middle\" "
                + "font-size=\"12\" fill=\"#1a1a1a\">Mean Brier to date</text>", TOP + ph / 2, TOP + ph / 2));
        if (!points.isEmpty()) {
            LocalDate first = points.get(0).date();
            LocalDate last = points.get(points.size() - 1).date();
            long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
            s.append(text(LEFT, TOP + ph + 16, first.toString(), "start"));
            if (!last.equals(first)) {
                s.append(text(W - RIGHT, TOP + ph + 16, last.toString(), "end"));
            }
            StringBuilder path = new StringBuilder();
            for (Point p : points) {
                double x = LEFT + (points.size() == 1 ? pw / 2 : ChronoUnit.DAYS.between(first, p.date()) * pw / span);
                double y = TOP + (1 - Math.min(yMax, p.brier()) / yMax) * ph;
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#0b5394\"><title>%s: %s"
                        + "</title></circle>", x, y, p.date(), String.format(Locale.ROOT, "%.3f", p.brier())));
            }
            s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#0b5394\" stroke-width=\"2\"/>");
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String desc) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"%s-title %s-desc\" id=\"%s\" font-family=\"system-ui, sans-serif\">"
                + "<title id=\"%s-title\">%s</title><desc id=\"%s-desc\">%s</desc>", W, H, W, H, id, id, id, id, title, id, desc));
    }

    private static String line(double x1, double y1, double x2, double y2, String color, double width, String dash) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
                x1, y1, x2, y2, color, width, dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    private static String text(double x, double y, String text, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"12\" fill=\"#1a1a1a\">%s</text>",
                x, y, anchor, text.replace("&", "&amp;").replace("<", "&lt;"));
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }
}
