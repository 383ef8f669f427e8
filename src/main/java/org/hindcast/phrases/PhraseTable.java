package org.hindcast.phrases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of the estimative-language table: printed phrase to band and point probability.
 * Plain Java over plain values; loading it from YAML is {@link PhraseTables}' job.
 */
public final class PhraseTable {

    public record Entry(String phrase, List<String> variants, double low, double high, double point, String basis) {
        public Entry {
            if (!(low > 0 && low <= point && point <= high && high < 1)) {
                throw new IllegalArgumentException("phrase '" + phrase + "': need 0 < low <= point <= high < 1");
            }
            variants = List.copyOf(variants);
        }
    }

    /** A phrase found in a text: the entry, the words that matched, and where. */
    public record Match(Entry entry, String matched, int start, int end, String version) {
        public double probability() {
            return entry.point();
        }
    }

    private record Form(Entry entry, String text, Pattern pattern) {
    }

    private final String version;
    private final List<Entry> entries;
    private final List<Form> forms;

    public PhraseTable(String version, List<Entry> entries) {
        this.version = version;
        this.entries = List.copyOf(entries);
        List<Form> all = new ArrayList<>();
        for (Entry e : entries) {
            all.add(form(e, e.phrase()));
            for (String v : e.variants()) {
                all.add(form(e, v));
            }
        }
        // The longest form wins, so "very unlikely" is never read as "likely", nor "not expected to" as "expected to".
        all.sort(Comparator.comparingInt((Form f) -> f.text().length()).reversed());
        this.forms = List.copyOf(all);
    }

    private static Form form(Entry entry, String text) {
        String normalized = text.trim().toLowerCase(Locale.ROOT);
        StringBuilder regex = new StringBuilder("(?<![\\p{L}'])");
        String[] gapParts = normalized.split("\\s*\\.\\.\\.\\s*");
        for (int i = 0; i < gapParts.length; i++) {
            if (i > 0) {
                regex.append("\\s+(?:\\S+\\s+){0,12}?");
            }
            String[] words = gapParts[i].split("\\s+");
            for (int w = 0; w < words.length; w++) {
                if (w > 0) {
                    regex.append("\\s+");
                }
                regex.append(Pattern.quote(words[w]));
            }
        }
        regex.append("(?![\\p{L}])");
        return new Form(entry, normalized, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    public String version() {
        return version;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entry for a phrase as an editor typed it (exact phrase or variant, case and spacing ignored). */
    public Optional<Entry> lookup(String phrase) {
        if (phrase == null) {
            return Optional.empty();
        }
        String p = phrase.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (Form f : forms) {
            if (f.text().equals(p) || f.pattern().matcher(p).matches()) {
                return Optional.of(f.entry());
            }
        }
        return find(p).map(Match::entry);
    }

    /** Every occurrence of every form in a text, longest forms first. */
    public List<Match> findAll(String text) {
        List<Match> all = new ArrayList<>();
        for (Form f : forms) {
            Matcher m = f.pattern().matcher(text);
            while (m.find()) {
                all.add(new Match(f.entry(), text.substring(m.start(), m.end()), m.start(), m.end(), version));
            }
        }
        return all;
    }

    /** The strongest-worded phrase occurring in a sentence: the longest form found anywhere in it. */
    public Optional<Match> find(String text) {
        for (Form f : forms) {
            Matcher m = f.pattern().matcher(text);
            if (m.find()) {
                return Optional.of(new Match(f.entry(), text.substring(m.start(), m.end()), m.start(), m.end(), version));
            }
        }
        return Optional.empty();
    }
}
