package org.hindcast.common;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lexemes of a PostgreSQL tsvector's text ({@code 'korea':3A 'visit':5,9B}), all or those of one weight. */
public final class Lexemes {

    private static final Pattern LEXEME = Pattern.compile("'((?:[^']|'')*)'(?::([0-9A-D,]+))?");

    private Lexemes() {
    }

    public static Set<String> of(String tsvector) {
        return parse(tsvector, null);
    }

    /** The lexemes with a position of this weight ('A' marks a forecast's statement in its indexed document). */
    public static Set<String> weighted(String tsvector, char weight) {
        return parse(tsvector, weight);
    }

    private static Set<String> parse(String tsvector, Character weight) {
        Set<String> out = new HashSet<>();
        if (tsvector == null) {
            return out;
        }
        Matcher m = LEXEME.matcher(tsvector);
        while (m.find()) {
            if (weight == null || (m.group(2) != null && m.group(2).indexOf(weight) >= 0)) {
                out.add(m.group(1).replace("''", "'"));
            }
        }
        return out;
    }
}
