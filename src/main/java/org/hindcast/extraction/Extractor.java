package org.hindcast.extraction;

import org.hindcast.phrases.PhraseTable;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Proposes the forecasts in a paper's text: each sentence with an estimative phrase of the phrase table
 * that is not advice, a question or a past event. Plain Java over plain values, deterministic: the same
 * text, table and rules always give the same candidates. Nothing is downloaded.
 */
public final class Extractor {

    private static final System.Logger LOG = System.getLogger(Extractor.class.getName());

    private final PhraseTable table;
    private final ExtractionRules rules;

    public Extractor(PhraseTable table, ExtractionRules rules) {
        this.table = table;
        this.rules = rules;
    }

    public ExtractionRules rules() {
        return rules;
    }

    public String phraseTableVersion() {
        return table.version();
    }

    /**
     * @param text      the paper's plain text
     * @param published the paper's publication date (the base of relative horizons)
     * @param title     the paper's title, whose date expressions apply when a sentence has none
     */
    public List<Candidate> extract(String text, LocalDate published, String title) {
        List<Candidate> out = new ArrayList<>();
        BoundedMatcher matcher = new BoundedMatcher();
        for (Sentences.Span s : Sentences.split(text)) {
            candidate(matcher, s, published, title).ifPresent(out::add);
        }
        reportGiveUps(matcher.gaveUp());
        return out;
    }

    Optional<Candidate> candidate(BoundedMatcher matcher, Sentences.Span s, LocalDate published, String title) {
        String sentence = s.text();
        if (any(matcher, rules.skipSentences(), sentence) || any(matcher, rules.recommendations(), sentence)) {
            return Optional.empty();
        }
        List<MatchResult> exclusions = new ArrayList<>();
        for (Pattern p : rules.phraseExclusions()) {
            exclusions.addAll(matcher.findAll(p, sentence));
        }
        Printed printed = printed(matcher, sentence);
        PhraseTable.Match phrase = null;
        for (PhraseTable.Match m : table.findAll(sentence)) {
            if (!overlapsAny(exclusions, m)) {
                phrase = m;
                break;
            }
        }
        ExtractionRules.CueRule cue = null;
        String cueText = null;
        if (phrase == null && printed == null) {
            for (ExtractionRules.CueRule c : rules.cues()) {
                Optional<MatchResult> m = matcher.find(c.pattern(), sentence);
                if (m.isPresent()) {
                    cue = c;
                    cueText = m.get().group();
                    break;
                }
            }
            if (cue == null) {
                return Optional.empty();
            }
        }
        String condition = firstGroup(matcher, rules.conditions(), sentence);
        String attributedTo = firstGroup(matcher, rules.thirdParty(), sentence);
        DateGuess date = date(matcher, sentence, published).or(() -> title == null ? Optional.empty()
                : date(matcher, title, published).map(d -> new DateGuess(d.date(), "INFERRED", "from the paper's title: " + d.note())))
                .orElseGet(() -> new DateGuess(published.plusMonths(rules.defaultMonths()), "EDITOR", rules.defaultNote()));
        List<String> themes = new ArrayList<>();
        for (ExtractionRules.ThemeRule t : rules.themes()) {
            if (t.all().stream().allMatch(p -> matcher.found(p, sentence))) {
                themes.add(t.theme());
            }
        }
        if (printed != null) {
            // the paper's own number comes before any phrase of the table
            return Optional.of(new Candidate(sentence, s.start(), s.end(), printed.text(), null, printed.probability(),
                    printed.probability(), printed.probability(), null, false, condition != null, condition, attributedTo != null,
                    attributedTo, date.date(), date.basis(), date.note(), themes, List.of(), null));
        }
        if (cue != null) {
            // no phrase of the table: the editors set the probability, from the rules' reading
            return Optional.of(new Candidate(sentence, s.start(), s.end(), cueText, null, cue.point(), cue.point(), cue.point(),
                    null, cue.negated(), condition != null, condition, attributedTo != null, attributedTo, date.date(),
                    date.basis(), date.note(), themes, List.of(), null, cue.reading()));
        }
        PhraseTable.Entry e = phrase.entry();
        return Optional.of(new Candidate(sentence, s.start(), s.end(), phrase.matched(), e.phrase(), e.low(), e.high(),
                e.point(), table.version(), rules.negatedPhrases().contains(e.phrase()), condition != null, condition,
                attributedTo != null, attributedTo, date.date(), date.basis(), date.note(), themes, List.of(), null));
    }

    record Printed(String text, double probability) {
    }

    /** The probability the sentence prints, when one of the rules finds it (strictly between 0 and 100%). */
    private Printed printed(BoundedMatcher matcher, String sentence) {
        for (ExtractionRules.PrintedRule r : rules.printed()) {
            Optional<MatchResult> found = matcher.find(r.pattern(), sentence);
            if (found.isEmpty()) {
                continue;
            }
            MatchResult m = found.get();
            double p = r.value() != null ? r.value() : Double.parseDouble(m.group(1)) / 100;
            if (p > 0 && p < 1) {
                return new Printed(m.group(), p);
            }
        }
        return null;
    }

    /** The first group (or the whole match) of the first pattern that matches. */
    private static String firstGroup(BoundedMatcher matcher, List<Pattern> patterns, String sentence) {
        for (Pattern p : patterns) {
            Optional<MatchResult> m = matcher.find(p, sentence);
            if (m.isPresent()) {
                MatchResult r = m.get();
                return r.groupCount() > 0 && r.group(1) != null ? r.group(1) : r.group();
            }
        }
        return null;
    }

    private static boolean overlapsAny(List<MatchResult> exclusions, PhraseTable.Match m) {
        for (MatchResult x : exclusions) {
            if (x.start() < m.end() && m.start() < x.end()) {
                return true;
            }
        }
        return false;
    }

    private static void reportGiveUps(List<BoundedMatcher.GaveUp> gaveUp) {
        if (gaveUp.isEmpty()) {
            return;
        }
        Map<String, List<BoundedMatcher.GaveUp>> byPattern = new LinkedHashMap<>();
        gaveUp.forEach(g -> byPattern.computeIfAbsent(g.pattern(), k -> new ArrayList<>()).add(g));
        byPattern.forEach((pattern, list) -> LOG.log(System.Logger.Level.WARNING,
                "Extraction rule /{0}/ gave up on {1} sentence(s), the longest {2} characters ({3}); it counted as no match there",
                pattern, list.size(), list.stream().mapToInt(BoundedMatcher.GaveUp::sentenceLength).max().orElse(0),
                list.get(0).reason()));
    }

    record DateGuess(LocalDate date, String basis, String note) {
    }

    Optional<DateGuess> date(BoundedMatcher matcher, String text, LocalDate published) {
        for (ExtractionRules.DateRule r : rules.dates()) {
            Optional<MatchResult> found = matcher.find(r.pattern(), text);
            if (found.isEmpty()) {
                continue;
            }
            MatchResult m = found.get();
            String note = r.note().replace("{0}", m.group());
            LocalDate date = switch (r.kind()) {
                case MONTH -> YearMonth.of(Integer.parseInt(m.group(2)), monthOf(m.group(1))).atEndOfMonth();
                case YEAR -> LocalDate.of(Integer.parseInt(m.group(1)), 12, 31);
                case FIXED -> LocalDate.parse(r.date());
                case RELATIVE -> published.plusMonths(r.months());
                case SEASON -> season(m.group(1).toLowerCase(Locale.ROOT), Integer.parseInt(m.group(2)));
                case PART -> YearMonth.of(Integer.parseInt(m.group(2)), switch (m.group(1).toLowerCase(Locale.ROOT)) {
                    case "early" -> 4;
                    case "mid" -> 8;
                    default -> 12;
                }).atEndOfMonth();
                case YEAR_END -> LocalDate.of(published.getYear() + r.years(), 12, 31);
            };
            if (date.isBefore(published)) {
                continue;
            }
            return Optional.of(new DateGuess(date, r.basis(), note));
        }
        return Optional.empty();
    }

    /** A season's last day: spring May, summer August, autumn November, winter February of the next year. */
    private static LocalDate season(String name, int year) {
        return switch (name) {
            case "spring" -> LocalDate.of(year, 5, 31);
            case "summer" -> LocalDate.of(year, 8, 31);
            case "autumn", "fall" -> LocalDate.of(year, 11, 30);
            default -> YearMonth.of(year + 1, 2).atEndOfMonth();
        };
    }

    private static int monthOf(String name) {
        return java.time.Month.valueOf(name.toUpperCase(Locale.ROOT)).getValue();
    }

    private static boolean any(BoundedMatcher matcher, List<Pattern> patterns, String text) {
        for (Pattern p : patterns) {
            if (matcher.found(p, text)) {
                return true;
            }
        }
        return false;
    }
}
