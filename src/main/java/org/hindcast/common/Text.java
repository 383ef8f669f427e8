package org.hindcast.common;

/** Text as forms and files give it: blank means absent. */
public final class Text {

    private Text() {
    }

    /** Null for null, empty or blank; otherwise the text trimmed. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
