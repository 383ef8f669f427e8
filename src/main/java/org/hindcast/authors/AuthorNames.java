package org.hindcast.authors;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an author's printed name is folded for lookup. "Lee Dong Gyu", "Dong Gyu Lee", "Dong-gyu Lee",
 * "LEE Dong-gyu" and "Lee, Dong-gyu" all fold to "dong gyu lee": case, accents, punctuation, hyphens
 * and the order of the name parts do not count. Two different people whose names use the same parts
 * would collide; the unique alias key makes the editor choose, rather than merging them silently.
 */
public final class AuthorNames {

    private AuthorNames() {
    }

    public static String key(String printedName) {
        String ascii = Normalizer.normalize(printedName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String[] parts = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("\\b(dr|prof|mr|ms|mrs)\\.?\\s", " ")
                .split("[^\\p{L}\\p{N}]+");
        return Arrays.stream(parts).filter(p -> !p.isEmpty()).sorted().collect(Collectors.joining(" "));
    }
}
