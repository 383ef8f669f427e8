package org.hindcast.evidence;

/** Where a quote stands in a text, any run of whitespace in either matching any other. */
public final class QuoteSpans {

    private QuoteSpans() {
    }

    /** The first span of the text that reads as the quote, as {start, end}, or null. */
    public static int[] find(String text, String quote) {
        String q = quote.strip();
        if (q.isEmpty()) {
            return null;
        }
        int exact = text.indexOf(q);
        if (exact >= 0) {
            return new int[]{exact, exact + q.length()};
        }
        for (int start = 0; start < text.length(); start++) {
            if (text.charAt(start) != q.charAt(0)) {
                continue;
            }
            int i = start;
            int j = 0;
            while (i < text.length() && j < q.length()) {
                char a = text.charAt(i);
                char b = q.charAt(j);
                if (Character.isWhitespace(a) && Character.isWhitespace(b)) {
                    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                        i++;
                    }
                    while (j < q.length() && Character.isWhitespace(q.charAt(j))) {
                        j++;
                    }
                } else if (a == b) {
                    i++;
                    j++;
                } else {
                    break;
                }
            }
            if (j == q.length()) {
                return new int[]{start, i};
            }
        }
        return null;
    }
}
