package org.hindcast.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a paper's plain text into sentences, keeping each sentence's offsets in the original text.
 * Blank lines end a sentence (papers collected from the web break paragraphs, headings and page debris
 * that way); a line break inside a paragraph does not. A full stop after a known abbreviation or an
 * initial ("U.S.", "Vol.", "J.") does not end a sentence.
 */
public final class Sentences {

    /** A sentence: its text with line breaks folded to spaces, and where it stands in the original. */
    public record Span(String text, int start, int end) {
    }

    private static final Pattern BLOCK_BREAK = Pattern.compile("\\n[ \\t\\u00a0]*\\n");
    private static final Set<String> ABBREVIATIONS = Set.of("u.s", "u.n", "u.k", "e.u", "dr", "mr", "mrs", "ms", "no", "vol",
            "pp", "p", "e.g", "i.e", "etc", "vs", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct",
            "nov", "dec", "gen", "adm", "prof", "inc", "co", "jr", "sr", "fig", "approx", "dept", "gov", "rep", "sen");

    private Sentences() {
    }

    public static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher breaks = BLOCK_BREAK.matcher(text);
        int blockStart = 0;
        while (breaks.find()) {
            splitBlock(text, blockStart, breaks.start(), spans);
            blockStart = breaks.end();
        }
        splitBlock(text, blockStart, text.length(), spans);
        return spans;
    }

    private static void splitBlock(String text, int from, int to, List<Span> out) {
        int start = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < to && "\"”’')]".indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            if (end < to && !Character.isWhitespace(text.charAt(end))) {
                continue;
            }
            int next = end;
            while (next < to && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (next < to) {
                char n = text.charAt(next);
                if (!(Character.isUpperCase(n) || Character.isDigit(n) || "\"“‘(►•-".indexOf(n) >= 0)) {
                    continue;
                }
            }
            if (c == '.' && abbreviation(text, start, i)) {
                continue;
            }
            add(text, start, end, out);
            start = next;
            i = next - 1;
        }
        add(text, start, to, out);
    }

    private static boolean abbreviation(String text, int from, int dot) {
        int w = dot;
        while (w > from && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        String word = text.substring(w, dot).toLowerCase();
        if (word.isEmpty()) {
            return false;
        }
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isUpperCase(text.charAt(dot - 1)));
    }

    private static void add(String text, int start, int end, List<Span> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end - start < 2) {
            return;
        }
        out.add(new Span(text.substring(start, end).replaceAll("\\s+", " "), start, end));
    }
}
