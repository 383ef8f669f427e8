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
 * initial ("U.S.", "Vol.", "J.") does not end a sentence, with two exceptions: an abbreviated month is one only
 * before a day or a year ("Jun. 22", not "Zhang Jun. Zhang said"), and "U.S." ends a sentence before a word that
 * begins sentences ("... aligned with the U.S. Simultaneously, South Korea ...").
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
            if (c == '.' && abbreviation(text, start, i, next < to ? nextWord(text, next, to) : "")) {
                continue;
            }
            add(text, start, end, out);
            start = next;
            i = next - 1;
        }
        add(text, start, to, out);
    }

    /** Abbreviated months: one only before a day or a year ("Jun. 22", "Aug. 2022"), else a word ("Zhang Jun. Zhang said"). */
    private static final Set<String> MONTHS = Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec");
    /** Country initials ("U.S.") end a sentence before a word that begins sentences and never follows them. */
    private static final Set<String> INITIALS = Set.of("u.s", "u.n", "u.k", "e.u");
    private static final Set<String> SENTENCE_STARTERS = Set.of("the", "this", "that", "these", "those", "it", "its", "in", "on",
            "at", "as", "however", "simultaneously", "meanwhile", "therefore", "moreover", "furthermore", "thus", "but", "and",
            "yet", "also", "additionally", "nevertheless", "instead", "accordingly", "consequently", "hence", "similarly",
            "likewise", "finally", "first", "second", "third", "if", "when", "while", "although", "since", "because", "for",
            "to", "with", "by", "such", "both", "some", "many", "most", "there", "we", "they", "he", "she", "his", "her",
            "their", "our", "what", "how", "why");

    private static String nextWord(String text, int from, int to) {
        int e = from;
        while (e < to && Character.isLetterOrDigit(text.charAt(e))) {
            e++;
        }
        return text.substring(from, e);
    }

    private static boolean abbreviation(String text, int from, int dot, String next) {
        int w = dot;
        while (w > from && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        String word = text.substring(w, dot).toLowerCase();
        if (word.isEmpty()) {
            return false;
        }
        if (MONTHS.contains(word)) {
            return !next.isEmpty() && Character.isDigit(next.charAt(0));
        }
        if (INITIALS.contains(word) && SENTENCE_STARTERS.contains(next.toLowerCase())) {
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
