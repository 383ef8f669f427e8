package org.hindcast.extraction;

import org.hindcast.phrases.PhraseTable;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes the forecasts in a paper's text: each sentence with an estimative phrase of the phrase table
 * that is not advice, a question or a past event. Plain Java over plain values, deterministic: the same
 * text, table and rules always give the same candidates. Nothing is downloaded.
 */
public final class Extractor {

    private final PhraseTable table;
    private final ExtractionRules rules;

    public Extractor(PhraseTable table, ExtractionRules rules) {
        this.table = table;
        this.rules = rules;
    }

    public ExtractionRules rules() {
        return rules;
    }

    /**
     * @param text      the paper's plain text
     * @param published the paper's publication date (the base of relative horizons)
     * @param title     the paper's title, whose date expressions apply when a sentence has none
     */
    public List<Candidate> extract(String text, LocalDate published, String title) {
        List<Candidate> out = new ArrayList<>();
        for (Sentences.Span s : Sentences.split(text)) {
            candidate(s, published, title).ifPresent(out::add);
        }
        return out;
    }

    Optional<Candidate> candidate(Sentences.Span s, LocalDate published, String title) {
        String sentence = s.text();
        if (any(rules.skipSentences(), sentence) || any(rules.recommendations(), sentence)) {
            return Optional.empty();
        }
        PhraseTable.Match phrase = null;
        for (PhraseTable.Match m : table.findAll(sentence)) {
            if (!excluded(sentence, m)) {
                phrase = m;
                break;
            }
        }
        if (phrase == null) {
            return Optional.empty();
        }
        String condition = null;
        for (Pattern p : rules.conditions()) {
            Matcher m = p.matcher(sentence);
            if (m.find()) {
                condition = m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group();
                break;
            }
        }
        String attributedTo = null;
        for (Pattern p : rules.thirdParty()) {
            Matcher m = p.matcher(sentence);
            if (m.find()) {
                attributedTo = m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group();
                break;
            }
        }
        DateGuess date = date(sentence, published).or(() -> title == null ? Optional.empty() : date(title, published)
                .map(d -> new DateGuess(d.date(), "INFERRED", "from the paper's title: " + d.note()))).orElseGet(() ->
                new DateGuess(published.plusMonths(rules.defaultMonths()), "EDITOR", rules.defaultNote()));
        List<String> themes = new ArrayList<>();
        for (ExtractionRules.ThemeRule t : rules.themes()) {
            if (t.all().stream().allMatch(p -> p.matcher(sentence).find())) {
                themes.add(t.theme());
            }
        }
        PhraseTable.Entry e = phrase.entry();
        return Optional.of(new Candidate(sentence, s.start(), s.end(), phrase.matched(), e.phrase(), e.low(), e.high(),
                e.point(), table.version(), rules.negatedPhrases().contains(e.phrase()), condition != null, condition,
                attributedTo != null, attributedTo, date.date(), date.basis(), date.note(), themes));
    }

    private boolean excluded(String sentence, PhraseTable.Match m) {
        for (Pattern p : rules.phraseExclusions()) {
            Matcher x = p.matcher(sentence);
            while (x.find()) {
                if (x.start() < m.end() && m.start() < x.end()) {
                    return true;
                }
            }
        }
        return false;
    }

    record DateGuess(LocalDate date, String basis, String note) {
    }

    Optional<DateGuess> date(String text, LocalDate published) {
        for (ExtractionRules.DateRule r : rules.dates()) {
            Matcher m = r.pattern().matcher(text);
            if (!m.find()) {
                continue;
            }
            String note = r.note().replace("{0}", m.group());
            LocalDate date = switch (r.kind()) {
                case MONTH -> YearMonth.of(Integer.parseInt(m.group(2)), monthOf(m.group(1))).atEndOfMonth();
                case YEAR -> LocalDate.of(Integer.parseInt(m.group(1)), 12, 31);
                case FIXED -> LocalDate.parse(r.date());
                case RELATIVE -> published.plusMonths(r.months());
            };
            if (date.isBefore(published)) {
                continue;
            }
            return Optional.of(new DateGuess(date, r.basis(), note));
        }
        return Optional.empty();
    }

    private static int monthOf(String name) {
        return java.time.Month.valueOf(name.toUpperCase(Locale.ROOT)).getValue();
    }

    private static boolean any(List<Pattern> patterns, String text) {
        for (Pattern p : patterns) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
