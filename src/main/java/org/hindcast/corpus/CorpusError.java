package org.hindcast.corpus;

/** A problem with one place of a corpus file: the file, its line (0 when unknown), the field and what is wrong. */
public record CorpusError(String file, int line, String field, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + field + ": " + message;
    }
}
