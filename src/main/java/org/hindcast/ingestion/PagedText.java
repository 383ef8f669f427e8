package org.hindcast.ingestion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages of lines in reading order ({@link PageLayout}) made into the text the ledger stores, with where each
 * page begins in it.
 *
 * <ul>
 *   <li><b>Running headers and footers</b>: a line among the two highest or the two lowest of a page whose words
 *       (digits aside) stand there on at least two pages and 40% of them is dropped everywhere; so is a bare page
 *       number there ("7", "- 7 -", "Page 7", "7 of 12", "vii").</li>
 *   <li><b>Paragraphs</b>: lines of one column join with a space; a gap under a line more than 1.45 times the
 *       page's usual line spacing, or a short line ending a sentence, ends a paragraph (a blank line). At a
 *       column's or a page's end the paragraph goes on unless the line ended a sentence.</li>
 *   <li><b>Hyphenation</b>: a word broken at a line's end by a hyphen is joined. The hyphen stays when the next
 *       line starts with a capital or a digit ("U.S.-" / "China") or when the document prints the hyphenated
 *       word elsewhere unbroken ("long-term"); otherwise it was the typesetter's and goes. A soft hyphen always
 *       goes.</li>
 * </ul>
 */
public final class PagedText {

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^(page\\s*)?[-–—]?\\s*(\\d{1,4}|[ivxlc]{1,7})\\s*[-–—]?(\\s*(of|/)\\s*\\d{1,4})?$");
    private static final Pattern HYPHENATED = Pattern.compile("\\p{L}+(?:-\\p{L}+)+");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern COMPOUND = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;][\"'”’)\\]]*$");

    private PagedText() {
    }

    /** The stored text and where each page (from 1) begins in it. */
    public record Result(String text, List<Integer> pageStarts) {
    }

    public static Result assemble(List<List<PageLayout.Line>> pages) {
        List<List<PageLayout.Line>> kept = dropRunningLines(pages);
        Set<String> hyphenatedWords = new HashSet<>();
        Set<String> words = new HashSet<>();
        for (List<PageLayout.Line> page : kept) {
            for (PageLayout.Line l : page) {
                Matcher m = HYPHENATED.matcher(l.text());
                while (m.find()) {
                    hyphenatedWords.add(m.group().toLowerCase(Locale.ROOT));
                }
                Matcher w = WORD.matcher(l.text());
                while (w.find()) {
                    words.add(w.group().toLowerCase(Locale.ROOT));
                }
            }
        }
        Vocabulary vocabulary = new Vocabulary(hyphenatedWords, words);
        StringBuilder out = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        PageLayout.Line previous = null;
        boolean previousShort = false;
        for (List<PageLayout.Line> page : kept) {
            float leading = usualLeading(page);
            Map<Integer, Float> columnRight = new HashMap<>();
            Map<Integer, Float> columnLeft = new HashMap<>();
            for (PageLayout.Line l : page) {
                columnRight.merge(l.column(), l.x1(), Math::max);
                columnLeft.merge(l.column(), l.x0(), Math::min);
            }
            boolean firstOfPage = true;
            for (PageLayout.Line line : page) {
                String text = clean(line.text());
                if (text.isEmpty()) {
                    continue;
                }
                if (previous != null) {
                    boolean sameFlow = !firstOfPage && line.column() == previous.column() && line.baseline() > previous.baseline();
                    boolean endsSentence = SENTENCE_END.matcher(out.subSequence(Math.max(0, out.length() - 6), out.length())).find();
                    boolean paragraphEnds;
                    if (sameFlow) {
                        float gap = line.baseline() - previous.baseline();
                        float right = columnRight.getOrDefault(line.column(), previous.x1());
                        float width = right - Math.min(previous.x0(), line.x0());
                        boolean shortLine = previous.x1() < right - 0.15f * width;
                        paragraphEnds = (leading > 0 && gap > 1.45f * leading) || (shortLine && endsSentence);
                    } else {
                        // at a column's or a page's end: a paragraph goes on unless its line ended a sentence, or
                        // ended well short of the column's edge (a heading, a list item)
                        paragraphEnds = endsSentence || previousShort;
                    }
                    if (paragraphEnds) {
                        out.append("\n\n");
                    } else {
                        join(out, text, vocabulary);
                    }
                }
                if (firstOfPage) {
                    starts.add(out.length());
                    firstOfPage = false;
                }
                out.append(text);
                previous = line;
                float right = columnRight.getOrDefault(line.column(), line.x1());
                previousShort = line.x1() < right - 0.3f * (right - columnLeft.getOrDefault(line.column(), line.x0()));
            }
            if (firstOfPage) {
                // a page without text (a figure, a blank page) still has its place
                starts.add(out.length());
            }
        }
        return new Result(out.toString(), starts);
    }

    /** The words a document prints within its lines: with their hyphens, and all of them. */
    private record Vocabulary(Set<String> hyphenated, Set<String> words) {
    }

    /**
     * First parts that make hyphenated compounds ("self-imposed", "long-term"), chosen so that no common word
     * starts with them as a typesetter would break it ("pro-mote", "under-lying", "inter-national" are not here).
     */
    private static final Set<String> COMPOUND_HEADS = Set.of("self", "non", "anti", "multi", "cross", "well", "long", "short",
            "high", "low", "full", "half", "counter", "semi", "quasi", "neo", "far", "large", "small", "middle", "wide",
            "ill", "hard", "first", "second", "third", "one", "two", "three", "four", "five", "ten", "year", "state", "war",
            "cold", "most", "least", "best", "worst", "face", "people", "world", "nuclear", "government");
    /** Second parts that make hyphenated compounds ("value-based", "U.S.-led", "long-term"). */
    private static final Set<String> COMPOUND_TAILS = Set.of("based", "led", "related", "oriented", "driven", "level", "term",
            "scale", "wide", "free", "like", "making", "building", "sponsored", "owned", "run", "backed", "centered",
            "centred", "focused", "friendly", "specific", "style", "type", "long", "old", "year", "month", "day", "class", "down",
            "setting", "minded");

    /**
     * What goes between a line and the next in one paragraph: a space, or nothing where a word broken by a hyphen
     * joins. The hyphen stays before a capital or a digit ("U.S.-" / "China"), when the document prints the word
     * with it elsewhere, or, when it prints neither form, after a compound's usual first part ("self-", "long-");
     * it goes when the document prints the word without it, or otherwise.
     */
    private static void join(StringBuilder out, String next, Vocabulary vocabulary) {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) == '\u00ad') {
            out.setLength(n - 1);
            return;
        }
        if (n >= 2 && out.charAt(n - 1) == '-' && out.charAt(n - 2) != ' ' && out.charAt(n - 2) != '-' && !next.isEmpty()) {
            char first = next.charAt(0);
            if (Character.isUpperCase(first) || Character.isDigit(first)) {
                return;
            }
            if (Character.isLowerCase(first) && Character.isLetter(out.charAt(n - 2))) {
                int from = n - 2;
                while (from > 0 && Character.isLetter(out.charAt(from - 1))) {
                    from--;
                }
                String head = out.substring(from, n - 1).toLowerCase(Locale.ROOT);
                int compoundFrom = from;
                while (compoundFrom > 0 && (Character.isLetter(out.charAt(compoundFrom - 1)) || out.charAt(compoundFrom - 1) == '-')) {
                    compoundFrom--;
                }
                String compoundHead = out.substring(compoundFrom, n - 1).toLowerCase(Locale.ROOT);
                Matcher tail = COMPOUND.matcher(next);
                String restCompound = tail.lookingAt() ? tail.group().toLowerCase(Locale.ROOT) : "";
                String rest = restCompound.contains("-") ? restCompound.substring(0, restCompound.indexOf('-')) : restCompound;
                boolean sameVowel = !rest.isEmpty() && "aeiou".indexOf(head.charAt(head.length() - 1)) >= 0
                        && head.charAt(head.length() - 1) == rest.charAt(0);
                boolean keep;
                if (vocabulary.hyphenated().contains(compoundHead + "-" + restCompound)) {
                    keep = true;
                } else if (vocabulary.words().contains(head + rest)) {
                    keep = false;
                } else {
                    // "people-to-people", "Korea-China-" go on with a hyphen; "de-escalate", "co-operation" keep it
                    // between two like vowels; a usual compound's first or second part keeps it
                    // and so does a part of one or two letters ("stepped-up"): typesetters leave three at least
                    keep = compoundHead.contains("-") || restCompound.contains("-") || sameVowel || rest.length() <= 2
                            || head.length() <= 1 || COMPOUND_HEADS.contains(head) || COMPOUND_TAILS.contains(rest);
                }
                if (!keep) {
                    out.setLength(n - 1);
                }
                return;
            }
        }
        out.append(' ');
    }

    private static String clean(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\ufb00' -> s.append("ff");
                case '\ufb01' -> s.append("fi");
                case '\ufb02' -> s.append("fl");
                case '\ufb03' -> s.append("ffi");
                case '\ufb04' -> s.append("ffl");
                case '\ufb05', '\ufb06' -> s.append("st");
                case '\u00a0', '\u2009', '\u202f', '\t' -> s.append(' ');
                default -> {
                    if (!Character.isISOControl(c)) {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString().replaceAll(" {2,}", " ").trim();
    }

    /** The most common distance between consecutive baselines of one column on the page. */
    private static float usualLeading(List<PageLayout.Line> page) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 1; i < page.size(); i++) {
            PageLayout.Line a = page.get(i - 1);
            PageLayout.Line b = page.get(i);
            if (a.column() == b.column() && b.baseline() > a.baseline()) {
                counts.merge(Math.round((b.baseline() - a.baseline()) * 2), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(e -> e.getKey() / 2f).orElse(0f);
    }

    /**
     * The pages without their running headers, footers and page numbers. A running line is an edge line (among
     * the two highest, or the two lowest, of its page) like an edge line on the same side of enough other pages:
     * the same words, digits aside, or, for lines of three words or more, half their words in common (so that
     * "Journal | Issue Brief" on odd pages and "Journal | Outlook" on even ones are both found).
     */
    static List<List<PageLayout.Line>> dropRunningLines(List<List<PageLayout.Line>> pages) {
        List<List<Edge>> edges = new ArrayList<>();
        for (List<PageLayout.Line> page : pages) {
            edges.add(edgeLines(page));
        }
        int needed = Math.max(2, (int) Math.ceil(pages.size() * 0.4));
        List<List<PageLayout.Line>> kept = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            Set<PageLayout.Line> running = new HashSet<>();
            for (Edge e : edges.get(p)) {
                if (PAGE_NUMBER.matcher(e.line().text().trim()).matches() || seenOn(e, p, edges, needed) >= needed) {
                    running.add(e.line());
                }
            }
            List<PageLayout.Line> page = new ArrayList<>();
            for (PageLayout.Line l : pages.get(p)) {
                if (!running.contains(l)) {
                    page.add(l);
                }
            }
            kept.add(page);
        }
        return kept;
    }

    /** An edge line, on the top or the bottom of its page, with its words. */
    private record Edge(PageLayout.Line line, boolean top, String key, Set<String> words) {
    }

    /** On how many pages (this one included) a line like this one stands on the same edge; counting stops at enough. */
    private static int seenOn(Edge e, int page, List<List<Edge>> edges, int enough) {
        int pages = 1;
        for (int q = 0; q < edges.size() && pages < enough; q++) {
            if (q == page) {
                continue;
            }
            for (Edge other : edges.get(q)) {
                if (other.top() == e.top() && alike(e, other)) {
                    pages++;
                    break;
                }
            }
        }
        return pages;
    }

    private static boolean alike(Edge a, Edge b) {
        if (a.key().equals(b.key())) {
            return true;
        }
        if (a.words().size() < 3 || b.words().size() < 3) {
            return false;
        }
        int common = 0;
        for (String w : a.words()) {
            if (b.words().contains(w)) {
                common++;
            }
        }
        return common * 2 >= Math.max(a.words().size(), b.words().size());
    }

    /** The lines on the two highest and the two lowest baselines of a page. */
    private static List<Edge> edgeLines(List<PageLayout.Line> page) {
        List<Float> baselines = page.stream().map(PageLayout.Line::baseline).distinct().sorted().toList();
        Set<Float> top = new HashSet<>();
        Set<Float> bottom = new HashSet<>();
        for (int i = 0; i < Math.min(2, baselines.size()); i++) {
            top.add(baselines.get(i));
            bottom.add(baselines.get(baselines.size() - 1 - i));
        }
        List<Edge> edges = new ArrayList<>();
        for (PageLayout.Line l : page) {
            boolean isTop = top.contains(l.baseline());
            if (isTop || bottom.contains(l.baseline())) {
                String key = key(l.text());
                Set<String> words = new HashSet<>(List.of(key.split("[^\\p{L}#]+")));
                words.remove("");
                edges.add(new Edge(l, isTop, key, words));
            }
        }
        return edges;
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ").trim();
    }
}
