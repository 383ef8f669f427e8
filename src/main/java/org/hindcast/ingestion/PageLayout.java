package org.hindcast.ingestion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One page's characters put back into lines in reading order, whatever order the file drew them in.
 *
 * <ol>
 *   <li>Characters on one baseline (within 0.4 of their size, so a raised footnote mark stays on its line) form a
 *       row; a row is cut into segments where the gap between two characters is wider than 1.5 times their size,
 *       as a column's gutter is and a space between words never is. A gap wider than 0.15 times the size is a
 *       space.</li>
 *   <li>Columns: the page has two when some vertical line between a quarter and three quarters of its width
 *       crosses at most a third of the segments and has segments wholly on each side (four at least in all).
 *       Segments crossing it (a title, a running header, a wide table) span both columns.</li>
 *   <li>Reading order: top to bottom; a spanning segment closes a band, and within a band the left column is read
 *       before the right.</li>
 * </ol>
 * Plain Java over plain values, so that its rules are tested without a PDF.
 */
public final class PageLayout {

    /** Where a line stands: {@link #SPANNING} for a single column or a line across both. */
    public static final int SPANNING = 0;
    public static final int LEFT = 1;
    public static final int RIGHT = 2;

    /** A line of text as the page shows it. */
    public record Line(String text, float baseline, float x0, float x1, float size, int column) {
    }

    private PageLayout() {
    }

    public static List<Line> read(List<Glyph> glyphs, float pageWidth) {
        List<Line> segments = segments(glyphs);
        if (segments.isEmpty()) {
            return List.of();
        }
        Float gutter = gutter(segments, pageWidth);
        List<Line> placed = new ArrayList<>();
        for (Line s : segments) {
            int column = gutter == null || (s.x0() < gutter && s.x1() > gutter) ? SPANNING : s.x1() <= gutter ? LEFT : RIGHT;
            placed.add(new Line(s.text(), s.baseline(), s.x0(), s.x1(), s.size(), column));
        }
        placed.sort(Comparator.comparingDouble(Line::baseline).thenComparingDouble(Line::x0));
        if (gutter == null) {
            return placed;
        }
        List<Line> ordered = new ArrayList<>();
        List<Line> left = new ArrayList<>();
        List<Line> right = new ArrayList<>();
        for (Line l : placed) {
            if (l.column() == SPANNING) {
                ordered.addAll(left);
                ordered.addAll(right);
                left.clear();
                right.clear();
                ordered.add(l);
            } else {
                (l.column() == LEFT ? left : right).add(l);
            }
        }
        ordered.addAll(left);
        ordered.addAll(right);
        return ordered;
    }

    /** Rows of characters cut at gutters: each segment's text with its spaces. */
    static List<Line> segments(List<Glyph> glyphs) {
        List<Glyph> marks = new ArrayList<>();
        for (Glyph g : glyphs) {
            if (g.text() != null && !g.text().isBlank() && g.size() > 0) {
                marks.add(g);
            }
        }
        marks.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
        List<List<Glyph>> rows = new ArrayList<>();
        List<Glyph> row = null;
        float rowBaseline = 0;
        float rowSize = 0;
        for (Glyph g : marks) {
            if (row == null || Math.abs(g.y() - rowBaseline) > 0.4f * Math.max(g.size(), rowSize)) {
                row = new ArrayList<>();
                rows.add(row);
                rowBaseline = g.y();
                rowSize = g.size();
            } else if (g.size() > rowSize) {
                // the row's baseline is its body text's, not a raised mark's that came first
                rowBaseline = g.y();
                rowSize = g.size();
            }
            row.add(g);
        }
        List<Line> segments = new ArrayList<>();
        for (List<Glyph> r : rows) {
            r.sort(Comparator.comparingDouble(Glyph::x));
            StringBuilder text = new StringBuilder();
            Glyph first = null;
            Glyph previous = null;
            float baseline = 0;
            float size = 0;
            for (Glyph g : r) {
                if (previous != null) {
                    float gap = g.x() - previous.end();
                    float scale = Math.max(previous.size(), g.size());
                    if (gap > 1.5f * scale) {
                        segments.add(new Line(text.toString(), baseline, first.x(), previous.end(), size, SPANNING));
                        text.setLength(0);
                        first = null;
                    } else if (gap > 0.15f * scale && text.charAt(text.length() - 1) != ' ') {
                        text.append(' ');
                    }
                }
                if (first == null) {
                    first = g;
                    baseline = g.y();
                    size = g.size();
                }
                if (g.size() >= size) {
                    baseline = g.y();
                    size = g.size();
                }
                text.append(g.text());
                previous = g;
            }
            if (first != null) {
                segments.add(new Line(text.toString(), baseline, first.x(), previous.end(), size, SPANNING));
            }
        }
        return segments;
    }

    /** The x of the gutter between two columns, or null for a page of one column. */
    static Float gutter(List<Line> segments, float pageWidth) {
        int n = segments.size();
        if (n < 6 || pageWidth <= 0) {
            return null;
        }
        Float best = null;
        int bestCrossing = Integer.MAX_VALUE;
        float bestDistance = Float.MAX_VALUE;
        for (float x = pageWidth * 0.25f; x <= pageWidth * 0.75f; x += 1f) {
            int crossing = 0;
            int left = 0;
            int right = 0;
            for (Line s : segments) {
                if (s.x1() <= x) {
                    left++;
                } else if (s.x0() >= x) {
                    right++;
                } else {
                    crossing++;
                }
            }
            // a column on each side (the right one may hold a line or two, as on a paper's last page), and at most
            // a third of the lines across: a page of one column has nearly all its lines across the middle
            if (left < 1 || right < 1 || left + right < 4 || crossing * 3 > n) {
                continue;
            }
            float distance = Math.abs(x - pageWidth / 2);
            if (crossing < bestCrossing || (crossing == bestCrossing && distance < bestDistance)) {
                best = x;
                bestCrossing = crossing;
                bestDistance = distance;
            }
        }
        return best;
    }
}
