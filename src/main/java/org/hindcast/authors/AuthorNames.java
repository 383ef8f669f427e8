package org.hindcast.authors;

import com.ibm.icu.text.SpoofChecker;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An author's printed name: how it is stored, checked, folded for lookup, and compared for look-alikes.
 * <ul>
 * <li>Stored in Unicode NFKC, trimmed, with runs of spaces folded to one: the full-width "Ｌｅｅ" is "Lee".</li>
 * <li>Refused when it holds a character nobody sees or that turns the text around: zero-width spaces and
 * joiners, direction marks and overrides (U+202E), other format and control characters, private-use and
 * unassigned code points.</li>
 * <li>Folded for lookup by {@link #key}: "Lee Dong Gyu", "Dong Gyu Lee", "Dong-gyu Lee", "LEE Dong-gyu" and
 * "Lee, Dong-gyu" all fold to "dong gyu lee": case, accents, punctuation, hyphens and the order of the name
 * parts do not count. Two different people whose names use the same parts would collide; the unique alias key
 * makes the editor choose, rather than merging them silently.</li>
 * <li>Compared for look-alikes by {@link #skeleton}, Unicode's confusable skeleton (UTS #39) of the key:
 * "Lее Dong-gyu" with Cyrillic е, or "Dοng" with Greek ο, has the skeleton of "Lee Dong-gyu" and another key.</li>
 * </ul>
 * Plain Java over plain values.
 */
public final class AuthorNames {

    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

    private AuthorNames() {
    }

    public static String key(String printedName) {
        String ascii = Normalizer.normalize(printedName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String[] parts = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("\\b(dr|prof|mr|ms|mrs)\\.?\\s", " ")
                .split("[^\\p{L}\\p{N}]+");
        return Arrays.stream(parts).filter(p -> !p.isEmpty()).sorted().collect(Collectors.joining(" "));
    }

    /** The name as stored: NFKC, trimmed, single spaces. */
    public static String normalize(String printedName) {
        return Normalizer.normalize(printedName, Normalizer.Form.NFKC).replaceAll("\\s+", " ").trim();
    }

    /** Why a name cannot be stored (an invisible or direction-changing character, named with its position), or empty. */
    public static Optional<String> problem(String printedName) {
        String name = Normalizer.normalize(printedName, Normalizer.Form.NFKC);
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int type = Character.getType(cp);
            boolean hidden = type == Character.FORMAT || type == Character.CONTROL && !Character.isWhitespace(cp)
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.UNASSIGNED;
            if (hidden) {
                String what = Character.getName(cp);
                return Optional.of(String.format(Locale.ROOT, "contains U+%04X%s at character %d: a name may not hold "
                        + "invisible, direction-changing or control characters", cp, what == null ? "" : " " + what,
                        name.codePointCount(0, i) + 1));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** The confusable skeleton of the name's key: equal for names that look the same, whatever their scripts. */
    public static String skeleton(String printedName) {
        return skeletonOfKey(key(printedName));
    }

    /** The same, from a key already folded (a key of a name normalised or not is the same key). */
    public static String skeletonOfKey(String key) {
        return SPOOF.getSkeleton(key);
    }

    /** A short account of the characters that differ between two look-alike names: "е (U+0435 CYRILLIC SMALL LETTER IE)". */
    public static String differences(String name, String other) {
        return name.codePoints().filter(cp -> other.indexOf(cp) < 0 && cp > 0x7f).distinct()
                .mapToObj(cp -> new String(Character.toChars(cp)) + " (U+" + String.format(Locale.ROOT, "%04X", cp)
                        + (Character.getName(cp) == null ? "" : " " + Character.getName(cp)) + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * The name's words, each without its hyphens and other marks, sorted: equal for names that differ only in order,
     * hyphens and case ("Donggyu Lee", "Lee Dong-gyu", "lee donggyu"), which {@link #key} keeps apart because
     * "dong gyu" and "donggyu" are other parts. A new name with the words of another author's is a "did you mean"
     * (never a silent match: two people may have such names). Whole words, not loose letters: "Ma Lee" and
     * "Mae Le", or names that differ in the order of their digits, are other names.
     */
    public static String letters(String printedName) {
        String ascii = Normalizer.normalize(printedName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\b(dr|prof|mr|ms|mrs)\\.?\\s", " ");
        return Arrays.stream(ascii.trim().split("\\s+")).map(w -> w.replaceAll("[^\\p{L}\\p{N}]", ""))
                .filter(w -> !w.isEmpty()).sorted().collect(Collectors.joining(" "));
    }
}
