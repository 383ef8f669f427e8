package org.hindcast.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the rules' regular expressions with a bounded amount of work. The rules are data an editor extends,
 * and Java's regular expressions backtrack: one careless quantifier makes a rule quadratic in a sentence's
 * length, and a repeated group recurses once per repetition until the stack overflows. Here each search
 * reads the sentence through a counter that allows {@value #STEPS_PER_CHARACTER} character reads per
 * character (plus a small constant), so a search costs at most linear time; a search that runs out of steps
 * or of stack counts as no match, and is reported once per extraction in {@link #gaveUp()}.
 */
final class BoundedMatcher {

    static final int STEPS_PER_CHARACTER = 256;
    private static final long STEPS_CONSTANT = 1 << 16;

    /** A rule that gave up: which, on how long a sentence, and why. */
    record GaveUp(String pattern, int sentenceLength, String reason) {
    }

    private static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("regular expression exhausted its steps", null, false, false);
        }
    }

    private static final Exhausted EXHAUSTED = new Exhausted();

    /** The sentence seen through a step counter. */
    private static final class Counted implements CharSequence {
        private final String text;
        private long left;

        Counted(String text) {
            this.text = text;
            this.left = STEPS_CONSTANT + (long) STEPS_PER_CHARACTER * text.length();
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw EXHAUSTED;
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final List<GaveUp> gaveUp = new ArrayList<>();

    /** The first match of a pattern in a text, or none (also when the search gave up). */
    Optional<MatchResult> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(new Counted(text));
        try {
            return m.find() ? Optional.of(m.toMatchResult()) : Optional.empty();
        } catch (Exhausted e) {
            record(pattern, text, "ran out of steps");
        } catch (StackOverflowError e) {
            record(pattern, text, "overflowed the stack");
        }
        return Optional.empty();
    }

    boolean found(Pattern pattern, String text) {
        return find(pattern, text).isPresent();
    }

    /** Every match of a pattern in a text, the whole search sharing one budget; those found before a give-up are kept. */
    List<MatchResult> findAll(Pattern pattern, String text) {
        List<MatchResult> out = new ArrayList<>();
        Matcher m = pattern.matcher(new Counted(text));
        try {
            while (m.find()) {
                out.add(m.toMatchResult());
            }
        } catch (Exhausted e) {
            record(pattern, text, "ran out of steps");
        } catch (StackOverflowError e) {
            record(pattern, text, "overflowed the stack");
        }
        return out;
    }

    private void record(Pattern pattern, String text, String reason) {
        gaveUp.add(new GaveUp(pattern.pattern(), text.length(), reason));
    }

    List<GaveUp> gaveUp() {
        return List.copyOf(gaveUp);
    }
}
